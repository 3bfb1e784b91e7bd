package com.pyairtable.observability.autoconfigure.tracing;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import com.pyairtable.observability.autoconfigure.core.ObservabilityAutoConfiguration;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporter;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.SpanExporters;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.otlp.OtlpHttpSpanExporterBuilderCustomizer;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.otlp.OtlpTracingAutoConfiguration;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.otlp.OtlpTracingConnectionDetails;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.otlp.Transport;
import org.springframework.boot.opentelemetry.autoconfigure.OpenTelemetrySdkAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.MapPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code pyairtable.observability.tracing.export.*} reaching the OTLP span exporter that
 * Spring Boot builds, behind Boot's own keys and the {@code OTEL_EXPORTER_OTLP_*}
 * variables.
 */
class TracingOtlpExportTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(ObservabilityAutoConfiguration.class, OpenTelemetrySdkAutoConfiguration.class,
					OpenTelemetryTracingAutoConfiguration.class, MicrometerTracingAutoConfiguration.class,
					TracingObservabilityAutoConfiguration.class, OtlpTracingAutoConfiguration.class));

	@Test
	void exportsToTheTracesUrlWithOurTimeoutCompressionAndHeaders() {
		this.contextRunner
			.withPropertyValues("pyairtable.observability.tracing.export.endpoint=http://collector:4318",
					"pyairtable.observability.tracing.export.timeout=5s",
					"pyairtable.observability.tracing.export.compression=gzip",
					"pyairtable.observability.tracing.export.headers.authorization=Bearer x")
			.run((context) -> {
				assertThat(context.getBean(OtlpTracingConnectionDetails.class).getUrl(Transport.HTTP))
					.isEqualTo("http://collector:4318/v1/traces");
				assertThat(context).hasSingleBean(OtlpHttpSpanExporter.class)
					.doesNotHaveBean(OtlpGrpcSpanExporter.class);
				assertThat(context.getBean(OtlpHttpSpanExporter.class).toString())
					.contains("endpoint=http://collector:4318/v1/traces")
					.contains("timeoutNanos=5000000000")
					.contains("compressorEncoding=gzip")
					.contains("authorization=OBFUSCATED");
			});
	}

	@Test
	void grpcEndpointIsKeptAsIs() {
		this.contextRunner
			.withPropertyValues("pyairtable.observability.tracing.export.endpoint=http://collector:4317",
					"pyairtable.observability.tracing.export.protocol=grpc")
			.run((context) -> {
				assertThat(context).hasSingleBean(OtlpGrpcSpanExporter.class)
					.doesNotHaveBean(OtlpHttpSpanExporter.class);
				assertThat(context.getBean(OtlpGrpcSpanExporter.class).toString())
					.contains("endpoint=http://collector:4317");
			});
	}

	@Test
	void protocolAcceptsTheSpellingsOfTheOtelVariable() {
		this.contextRunner.withPropertyValues("pyairtable.observability.tracing.export.protocol=GRPC")
			.run((context) -> assertThat(
					context.getBean(ObservabilityTracingProperties.class).getExport().getProtocol())
				.isEqualTo(OtlpProtocol.GRPC));
		this.contextRunner.withPropertyValues("pyairtable.observability.tracing.export.protocol=http/protobuf")
			.run((context) -> assertThat(
					context.getBean(ObservabilityTracingProperties.class).getExport().getProtocol())
				.isEqualTo(OtlpProtocol.HTTP_PROTOBUF));
	}

	@Test
	void bootsOwnKeysAndOtelVariablesWin() {
		this.contextRunner
			.withPropertyValues("pyairtable.observability.tracing.export.endpoint=http://ours:4318",
					"pyairtable.observability.tracing.export.timeout=5s",
					"pyairtable.observability.tracing.export.headers.authorization=Bearer ours",
					"management.opentelemetry.tracing.export.otlp.timeout=7s",
					"management.opentelemetry.tracing.export.otlp.headers.Authorization=Bearer boots")
			// Boot maps OTEL_EXPORTER_OTLP_* into a source of highest precedence.
			.withInitializer((context) -> context.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("openTelemetryEnvironmentVariables",
						Map.of("management.opentelemetry.tracing.export.otlp.endpoint", "http://env:4318/v1/traces"))))
			.run((context) -> {
				assertThat(context.getBean(OtlpTracingConnectionDetails.class).getUrl(Transport.HTTP))
					.isEqualTo("http://env:4318/v1/traces");
				assertThat(context.getBean(OtlpHttpSpanExporter.class).toString())
					.contains("endpoint=http://env:4318/v1/traces")
					.contains("timeoutNanos=7000000000")
					.containsOnlyOnce("uthorization=OBFUSCATED");
			});
	}

	@Test
	void ourSettingsApplyToBootsEndpoint() {
		this.contextRunner
			.withPropertyValues("management.opentelemetry.tracing.export.otlp.endpoint=http://boot:4318/v1/traces",
					"pyairtable.observability.tracing.export.timeout=3s")
			.run((context) -> assertThat(context.getBean(OtlpHttpSpanExporter.class).toString())
				.contains("endpoint=http://boot:4318/v1/traces")
				.contains("timeoutNanos=3000000000"));
	}

	@Test
	void noEndpointMeansNoExport() {
		this.contextRunner.run((context) -> {
			assertThat(context).doesNotHaveBean(OtlpTracingConnectionDetails.class);
			assertThat(context).doesNotHaveBean(OtlpHttpSpanExporter.class);
		});
		this.contextRunner.withPropertyValues("pyairtable.observability.tracing.export.endpoint=")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(OtlpHttpSpanExporter.class));
	}

	@Test
	void failsWhenEndpointIsNotAnHttpUrlNamingTheKey() {
		this.contextRunner.withPropertyValues("pyairtable.observability.tracing.export.endpoint=otel-collector:4318")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining(
						"pyairtable.observability.tracing.export.endpoint must be an http:// or https:// URL"));
	}

	@Test
	void buildsTheExporterOffTheMainThreadAndExportsThroughIt() {
		AtomicReference<Thread> builtOn = new AtomicReference<>();
		this.contextRunner.withConfiguration(AutoConfigurations.of(TaskExecutionAutoConfiguration.class))
			.withPropertyValues("pyairtable.observability.tracing.export.endpoint=http://collector:4318")
			.withBean(OtlpHttpSpanExporterBuilderCustomizer.class,
					() -> (builder) -> builtOn.set(Thread.currentThread()))
			.run((context) -> {
				assertThat(context).hasNotFailed().hasSingleBean(OtlpHttpSpanExporter.class);
				assertThat(builtOn.get()).isNotNull().isNotSameAs(Thread.currentThread());
				SpanExporter exporter = context.getBean(SpanExporters.class).list().get(0);
				assertThat(exporter.flush().join(5, TimeUnit.SECONDS).isSuccess()).isTrue();
				assertThat(exporter).asString().contains("endpoint=http://collector:4318/v1/traces");
			});
	}

	@Test
	void exporterBuiltOffTheMainThreadStillFailsStartup() {
		this.contextRunner.withConfiguration(AutoConfigurations.of(TaskExecutionAutoConfiguration.class))
			.withPropertyValues("pyairtable.observability.tracing.export.endpoint=http://collector:4318",
					OtlpTracingExportConfiguration.BOOT_PREFIX + ".ssl.bundle=collector")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("SSL bundle name has been set but no SSL bundles found in context"));
	}

	@Test
	void failsWhenCompressionIsUnknownNamingTheKey() {
		this.contextRunner.withPropertyValues("pyairtable.observability.tracing.export.compression=zstd")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining(
						"pyairtable.observability.tracing.export.compression was 'zstd' but must be none or gzip"));
		this.contextRunner.withPropertyValues("pyairtable.observability.tracing.export.compression=GZIP")
			.run((context) -> assertThat(
					context.getBean(ObservabilityTracingProperties.class).getExport().getCompression())
				.isEqualTo(OtlpCompression.GZIP));
	}

}
