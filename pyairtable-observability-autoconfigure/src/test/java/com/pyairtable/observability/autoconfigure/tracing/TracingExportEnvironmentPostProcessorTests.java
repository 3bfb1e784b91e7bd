package com.pyairtable.observability.autoconfigure.tracing;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class TracingExportEnvironmentPostProcessorTests {

	private final TracingExportEnvironmentPostProcessor processor = new TracingExportEnvironmentPostProcessor();

	@Test
	void mapsOurKeysOntoBootsOtlpKeys() {
		MockEnvironment environment = new MockEnvironment()
			.withProperty("pyairtable.observability.tracing.export.endpoint", "http://collector:4318")
			.withProperty("pyairtable.observability.tracing.export.timeout", "5s")
			.withProperty("pyairtable.observability.tracing.export.compression", "gzip")
			.withProperty("pyairtable.observability.tracing.export.headers.authorization", "Bearer x");
		this.processor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("management.opentelemetry.tracing.export.otlp.endpoint"))
			.isEqualTo("http://collector:4318/v1/traces");
		assertThat(environment.getProperty("management.opentelemetry.tracing.export.otlp.transport")).isEqualTo("http");
		assertThat(environment.getProperty("management.opentelemetry.tracing.export.otlp.timeout")).isEqualTo("5s");
		assertThat(environment.getProperty("management.opentelemetry.tracing.export.otlp.compression")).isEqualTo("gzip");
		assertThat(environment.getProperty("management.opentelemetry.tracing.export.otlp.headers.authorization"))
			.isEqualTo("Bearer x");
		assertThat(environment.getProperty("logging.level.io.opentelemetry.exporter.internal")).isEqualTo("off");
	}

	@Test
	void grpcEndpointIsKeptAsIs() {
		MockEnvironment environment = new MockEnvironment()
			.withProperty("pyairtable.observability.tracing.export.endpoint", "http://collector:4317")
			.withProperty("pyairtable.observability.tracing.export.protocol", "grpc");
		this.processor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("management.opentelemetry.tracing.export.otlp.endpoint"))
			.isEqualTo("http://collector:4317");
		assertThat(environment.getProperty("management.opentelemetry.tracing.export.otlp.transport")).isEqualTo("grpc");
	}

	@Test
	void bootsOwnKeysAndOtelVariablesWin() {
		MockEnvironment environment = new MockEnvironment()
			.withProperty("pyairtable.observability.tracing.export.endpoint", "http://ours:4318");
		// Boot maps OTEL_EXPORTER_OTLP_* into a source of highest precedence.
		environment.getPropertySources()
			.addFirst(new MapPropertySource("openTelemetryEnvironmentVariables",
					Map.of("management.opentelemetry.tracing.export.otlp.endpoint", "http://env:4318/v1/traces")));
		this.processor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("management.opentelemetry.tracing.export.otlp.endpoint"))
			.isEqualTo("http://env:4318/v1/traces");
	}

	@Test
	void noEndpointMeansNoExport() {
		MockEnvironment environment = new MockEnvironment();
		this.processor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("management.opentelemetry.tracing.export.otlp.endpoint")).isNull();
	}

	@Test
	void urlWithPathIsKept() {
		assertThat(TracingExportEnvironmentPostProcessor.tracesUrl("https://c/otlp/v1/traces"))
			.isEqualTo("https://c/otlp/v1/traces");
		assertThat(TracingExportEnvironmentPostProcessor.tracesUrl("https://c:4318/")).isEqualTo("https://c:4318/v1/traces");
	}

}
