package com.pyairtable.observability.testsupport;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A real servlet web application on a random loopback port, with the auto-configuration a
 * user's service gets: either a small built-in one answering {@code /hello} and
 * {@code /hello/{name}}, or the test's own configuration class. Named
 * {@code test-service}; exported spans are kept in memory when
 * {@code test.capture-spans=true}.
 */
public final class TestWebApp implements AutoCloseable {

	/** Spring Security is on some modules' test classpath: most tests run without it. */
	public static final String WITHOUT_SECURITY = "spring.autoconfigure.exclude="
			+ "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration,"
			+ "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration,"
			+ "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration,"
			+ "org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration,"
			+ "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration";

	private static final Duration TIMEOUT = Duration.ofSeconds(20);

	private final ConfigurableApplicationContext context;

	private TestWebApp(ConfigurableApplicationContext context) {
		this.context = context;
	}

	/**
	 * Starts the built-in application.
	 * @param properties extra properties, {@code key=value}
	 * @return the running application
	 */
	public static TestWebApp start(String... properties) {
		return start(App.class, properties);
	}

	/**
	 * Starts the given application.
	 * @param application the application's configuration class (with
	 * {@code @EnableAutoConfiguration})
	 * @param properties extra properties, {@code key=value}
	 * @return the running application
	 */
	public static TestWebApp start(Class<?> application, String... properties) {
		List<String> args = new ArrayList<>(List.of("--server.port=0", "--server.address=127.0.0.1",
				"--spring.application.name=test-service", "--spring.main.banner-mode=off"));
		for (String property : properties) {
			args.add("--" + property);
		}
		SpringApplication app = new SpringApplication(application, SpanCapture.class);
		app.setWebApplicationType(WebApplicationType.SERVLET);
		return new TestWebApp(app.run(args.toArray(String[]::new)));
	}

	/**
	 * Starts the given application without security, with every span sampled, exported
	 * every 50 ms and kept in memory ({@link #spans()}).
	 * @param application the application's configuration class (with
	 * {@code @EnableAutoConfiguration})
	 * @param properties extra properties, {@code key=value}
	 * @return the running application
	 */
	public static TestWebApp startTraced(Class<?> application, String... properties) {
		List<String> all = new ArrayList<>(
				List.of(WITHOUT_SECURITY, "test.capture-spans=true", "management.tracing.sampling.probability=1.0",
						"management.opentelemetry.tracing.export.schedule-delay=50ms"));
		all.addAll(List.of(properties));
		return start(application, all.toArray(String[]::new));
	}

	/**
	 * The application's context.
	 * @return the context
	 */
	public ConfigurableApplicationContext context() {
		return this.context;
	}

	/**
	 * The server's port.
	 * @return the port
	 */
	public int port() {
		return this.context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
	}

	/**
	 * The management server's port, when it has its own.
	 * @return the port
	 */
	public int managementPort() {
		return this.context.getEnvironment().getRequiredProperty("local.management.port", Integer.class);
	}

	/**
	 * The spans exported so far, with {@code test.capture-spans=true}.
	 * @return the in-memory exporter
	 */
	public InMemorySpanExporter spans() {
		return this.context.getBean(InMemorySpanExporter.class);
	}

	/**
	 * A GET of the application.
	 * @param path the path and query
	 * @return the response
	 */
	public HttpResponse<String> get(String path) {
		return get(port(), path);
	}

	/**
	 * A GET of the application accepting OpenMetrics text.
	 * @param path the path and query
	 * @return the response
	 */
	public HttpResponse<String> getOpenMetrics(String path) {
		return LoopbackHttp.send(LoopbackHttp.request(port(), path, TIMEOUT)
			.header("Accept", "application/openmetrics-text; version=1.0.0; charset=utf-8")
			.build());
	}

	/**
	 * A GET of a port on 127.0.0.1.
	 * @param port the port
	 * @param path the path and query
	 * @return the response
	 */
	public static HttpResponse<String> get(int port, String path) {
		return LoopbackHttp.send(LoopbackHttp.request(port, path, TIMEOUT).build());
	}

	/**
	 * The Prometheus scrape, one line per sample.
	 * @return the sample lines
	 */
	public List<String> scrape() {
		HttpResponse<String> response = get("/actuator/prometheus");
		if (response.statusCode() != 200) {
			throw new IllegalStateException("scrape answered " + response.statusCode());
		}
		return response.body().lines().filter((line) -> !line.startsWith("#")).toList();
	}

	/**
	 * The sum of the samples of a metric whose line carries every given label.
	 * @param metric the exposition name, such as {@code database_operations_total}
	 * @param labels label matchers as they appear, such as {@code operation="select"}
	 * @return the sum, 0 when none
	 */
	public double sample(String metric, String... labels) {
		return scrape().stream()
			.filter((line) -> line.startsWith(metric + "{") && List.of(labels).stream().allMatch(line::contains))
			.mapToDouble((line) -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
			.sum();
	}

	@Override
	public void close() {
		this.context.close();
	}

	/** Keeps spans as Boot's tracing exports them in memory. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty("test.capture-spans")
	static class SpanCapture {

		@Bean
		InMemorySpanExporter inMemorySpanExporter() {
			return InMemorySpanExporter.create();
		}

	}

	/** The built-in application. */
	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@RestController
	static class App {

		@GetMapping("/hello")
		String hello() {
			return "hello, world";
		}

		@GetMapping("/hello/{name}")
		String helloName(@PathVariable String name) {
			return "hello, " + name;
		}

	}

}
