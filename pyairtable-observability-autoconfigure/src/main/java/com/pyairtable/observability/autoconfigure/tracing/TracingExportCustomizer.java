package com.pyairtable.observability.autoconfigure.tracing;

import java.time.Duration;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import com.pyairtable.observability.autoconfigure.core.ConfiguredProperties;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporterBuilder;
import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporterBuilder;

import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.otlp.OtlpGrpcSpanExporterBuilderCustomizer;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.otlp.OtlpHttpSpanExporterBuilderCustomizer;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.otlp.OtlpTracingProperties;
import org.springframework.core.env.Environment;

/**
 * Applies the timeout, compression and headers of
 * {@code pyairtable.observability.tracing.export} to Spring Boot's OTLP span exporter,
 * HTTP or gRPC, wherever the application did not set Boot's own key.
 */
final class TracingExportCustomizer
		implements OtlpHttpSpanExporterBuilderCustomizer, OtlpGrpcSpanExporterBuilderCustomizer {

	private final ObservabilityTracingProperties.Export export;

	private final OtlpTracingProperties bootProperties;

	private final Environment environment;

	TracingExportCustomizer(ObservabilityTracingProperties.Export export, OtlpTracingProperties bootProperties,
			Environment environment) {
		this.export = export;
		this.bootProperties = bootProperties;
		this.environment = environment;
	}

	@Override
	public void customize(OtlpHttpSpanExporterBuilder builder) {
		apply(builder::setTimeout, builder::setCompression, builder::addHeader);
	}

	@Override
	public void customize(OtlpGrpcSpanExporterBuilder builder) {
		apply(builder::setTimeout, builder::setCompression, builder::addHeader);
	}

	private void apply(Consumer<Duration> timeout, Consumer<String> compression, BiConsumer<String, String> header) {
		if (!isSet("timeout")) {
			timeout.accept(this.export.getTimeout());
		}
		if (!isSet("compression")) {
			compression.accept(this.export.getCompression().exporterName());
		}
		Map<String, String> bootHeaders = this.bootProperties.getHeaders();
		this.export.getHeaders().forEach((name, value) -> {
			// Header names are case-insensitive: Boot's header of the same name wins.
			if (bootHeaders.keySet().stream().noneMatch(name::equalsIgnoreCase)) {
				header.accept(name, value);
			}
		});
	}

	private boolean isSet(String bootKey) {
		return ConfiguredProperties.isSet(this.environment, OtlpTracingExportConfiguration.BOOT_PREFIX + "." + bootKey);
	}

}
