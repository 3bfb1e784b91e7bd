package com.pyairtable.observability.autoconfigure.opskit;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.pyairtable.observability.opskit.OpsKitWriteException;
import com.pyairtable.observability.testsupport.TestWebApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The kit delivered by real applications: over the {@code opskit} endpoint only when
 * exposed, and written by {@code write-to} without a web server.
 */
class OpsKitDeliveryTests {

	private static final String WITHOUT_SECURITY = "--" + TestWebApp.WITHOUT_SECURITY;

	private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@Test
	void endpointIsServedOnlyWhenExposed() throws Exception {
		try (ConfigurableApplicationContext context = start("--server.port=0", "--server.address=127.0.0.1",
				WITHOUT_SECURITY)) {
			assertThat(get(context, "/actuator/opskit").statusCode()).isEqualTo(404);
			assertThat(get(context, "/actuator/prometheus").statusCode()).isEqualTo(200);
		}
		try (ConfigurableApplicationContext context = start("--server.port=0", "--server.address=127.0.0.1",
				WITHOUT_SECURITY, "--management.endpoints.web.exposure.include=opskit")) {
			HttpResponse<String> list = get(context, "/actuator/opskit");
			assertThat(list.statusCode()).isEqualTo(200);
			assertThat(list.body()).contains("prometheus/prometheus.yml",
					"grafana/dashboards/pyairtable-overview.json");
			HttpResponse<String> file = get(context, "/actuator/opskit/prometheus/prometheus.yml");
			assertThat(file.statusCode()).isEqualTo(200);
			assertThat(file.body()).contains("scrape_configs", "opskit-test");
			assertThat(get(context, "/actuator/opskit/no/such.yml").statusCode()).isEqualTo(404);
		}
	}

	@Test
	void writeToWritesTheKitAndClosesWithoutAWebServer(@TempDir Path directory) {
		ConfigurableApplicationContext context = start(WITHOUT_SECURITY,
				"--pyairtable.observability.ops-kit.write-to=" + directory);
		assertThat(context).isNotInstanceOf(WebServerApplicationContext.class);
		assertThat(context.isActive()).isFalse();
		assertThat(directory.resolve("prometheus/prometheus.yml")).content().contains("opskit-test");
		assertThat(directory.resolve("prometheus/rules/service-alerts.yml")).exists();
		assertThat(directory.resolve("prometheus/tests/service-alerts.test.yml")).exists();
		assertThat(directory.resolve("alertmanager/alertmanager.yml")).exists();
		assertThat(directory.resolve("grafana/dashboards/pyairtable-slo.json")).exists();
		assertThat(directory.resolve("grafana/provisioning/datasources/datasources.yml")).exists();
		assertThat(directory.resolve("otel-collector/config.yaml")).exists();
		assertThat(directory.resolve("docker-compose.yml")).exists();
		assertThat(directory.resolve("README.md")).exists();
	}

	@Test
	void writeToRefusesANonEmptyDirectoryAndFailsTheStartup(@TempDir Path directory) throws Exception {
		Files.writeString(directory.resolve("docker-compose.yml"), "the project's own");
		assertThatExceptionOfType(OpsKitWriteException.class)
			.isThrownBy(() -> start(WITHOUT_SECURITY, "--pyairtable.observability.ops-kit.write-to=" + directory))
			.withMessageContaining(directory.toString())
			.withMessageContaining("pyairtable.observability.ops-kit.overwrite=true");
		assertThat(directory.resolve("docker-compose.yml")).content().isEqualTo("the project's own");
		assertThat(directory.resolve("prometheus")).doesNotExist();
	}

	@Test
	void writeToReplacesANonEmptyDirectoryWithOverwrite(@TempDir Path parent) throws Exception {
		Path directory = Files.createDirectory(parent.resolve("kit"));
		Files.writeString(directory.resolve("stale.yml"), "old");
		ConfigurableApplicationContext context = start(WITHOUT_SECURITY,
				"--pyairtable.observability.ops-kit.write-to=" + directory,
				"--pyairtable.observability.ops-kit.overwrite=true");
		assertThat(context.isActive()).isFalse();
		assertThat(directory.resolve("stale.yml")).doesNotExist();
		assertThat(directory.resolve("prometheus/prometheus.yml")).content().contains("opskit-test");
	}

	@Test
	void theProcessExitsWithANonZeroStatusWhenTheKitIsRefused(@TempDir Path parent) throws Exception {
		Path kit = Files.createDirectory(parent.resolve("kit"));
		Files.writeString(kit.resolve("README.md"), "the project's own");
		Result refused = java(kit, parent.resolve("output.txt"));
		assertThat(refused.exitCode()).as(refused.output()).isNotZero();
		assertThat(refused.output()).contains("APPLICATION FAILED TO START", kit + " is not empty",
				"Set pyairtable.observability.ops-kit.overwrite=true to replace it");
		assertThat(kit.resolve("README.md")).content().isEqualTo("the project's own");
	}

	private static Result java(Path kit, Path output) throws Exception {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		Process process = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-cp",
				System.getProperty("java.class.path"), Main.class.getName(), WITHOUT_SECURITY,
				"--pyairtable.observability.ops-kit.write-to=" + kit, "--spring.application.name=opskit-test")
			.redirectErrorStream(true)
			.redirectOutput(output.toFile())
			.start();
		if (!process.waitFor(5, TimeUnit.MINUTES)) {
			process.destroyForcibly();
			throw new AssertionError("the application did not exit within 5 minutes: " + Files.readString(output));
		}
		return new Result(process.exitValue(), Files.readString(output));
	}

	private static ConfigurableApplicationContext start(String... args) {
		SpringApplication application = new SpringApplication(App.class);
		String[] all = new String[args.length + 1];
		System.arraycopy(args, 0, all, 0, args.length);
		all[args.length] = "--spring.application.name=opskit-test";
		return application.run(all);
	}

	private static HttpResponse<String> get(ConfigurableApplicationContext context, String path) throws Exception {
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.timeout(Duration.ofSeconds(10))
			.build();
		return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private record Result(int exitCode, String output) {

	}

	/** The application as a process, to see its exit status. */
	public static final class Main {

		private Main() {
		}

		public static void main(String[] args) {
			SpringApplication.run(App.class, args);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class App {

	}

}
