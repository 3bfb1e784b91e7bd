package com.pyairtable.observability.autoconfigure.database;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A real web application on a random loopback port with the starter's auto-configuration,
 * the given configuration classes, spans kept in memory (after the starter's redaction) and
 * every span sampled.
 */
public final class DataLayerTestApp implements AutoCloseable {

	/** Spring Security is on this module's test classpath: these tests run without it. */
	public static final String WITHOUT_SECURITY = "spring.autoconfigure.exclude="
			+ "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration,"
			+ "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration,"
			+ "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration,"
			+ "org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration,"
			+ "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration";

	private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final ConfigurableApplicationContext context;

	private DataLayerTestApp(ConfigurableApplicationContext context) {
		this.context = context;
	}

	/**
	 * Starts the application.
	 * @param configuration the application's configuration class (with
	 * {@code @EnableAutoConfiguration})
	 * @param properties extra properties, {@code key=value}
	 * @return the running application
	 */
	public static DataLayerTestApp start(Class<?> configuration, String... properties) {
		List<String> args = new ArrayList<>(List.of("--server.port=0", "--server.address=127.0.0.1",
				"--spring.application.name=data-layer-test", "--spring.main.banner-mode=off", "--" + WITHOUT_SECURITY,
				"--management.tracing.sampling.probability=1.0",
				"--management.opentelemetry.tracing.export.schedule-delay=50ms"));
		for (String property : properties) {
			args.add("--" + property);
		}
		SpringApplication application = new SpringApplication(configuration, SpanCapture.class);
		application.setWebApplicationType(WebApplicationType.SERVLET);
		return new DataLayerTestApp(application.run(args.toArray(String[]::new)));
	}

	public ConfigurableApplicationContext context() {
		return this.context;
	}

	public int port() {
		return this.context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
	}

	public InMemorySpanExporter spans() {
		return this.context.getBean(InMemorySpanExporter.class);
	}

	public HttpResponse<String> get(String path) {
		try {
			return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + path))
				.timeout(Duration.ofSeconds(20))
				.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** The Prometheus scrape, one line per sample. */
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

	/** Keeps exported spans in memory. */
	@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
	static class SpanCapture {

		@org.springframework.context.annotation.Bean
		InMemorySpanExporter inMemorySpanExporter() {
			return InMemorySpanExporter.create();
		}

	}

}
