package com.pyairtable.observability.autoconfigure.tracing;

import com.pyairtable.observability.autoconfigure.core.ConditionalOnObservabilityEnabled;
import io.opentelemetry.exporter.logging.LoggingSpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Writes every exported span to the log through OpenTelemetry's
 * {@link LoggingSpanExporter}, off by default. The exporter is one more
 * {@code SpanExporter} bean: {@link TracingObservabilityAutoConfiguration} redacts and
 * monitors it like the OTLP exporter, and only sampled spans reach it.
 */
@AutoConfiguration(before = OpenTelemetryTracingAutoConfiguration.class)
@ConditionalOnClass({ SdkTracerProvider.class, LoggingSpanExporter.class })
@ConditionalOnObservabilityEnabled("tracing")
@ConditionalOnBooleanProperty(ConsoleSpanExportProperties.PREFIX + ".enabled")
@EnableConfigurationProperties(ConsoleSpanExportProperties.class)
public final class ConsoleSpanExportObservabilityAutoConfiguration {

	ConsoleSpanExportObservabilityAutoConfiguration() {
	}

	@Bean
	@ConditionalOnMissingBean
	LoggingSpanExporter consoleSpanExporter() {
		return LoggingSpanExporter.create();
	}

}
