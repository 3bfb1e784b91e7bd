package com.pyairtable.observability.autoconfigure.tracing;

import com.pyairtable.observability.autoconfigure.core.ConditionalOnObservabilityEnabled;
import io.opentelemetry.exporter.logging.LoggingSpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Writes every exported span to the log through OpenTelemetry's
 * {@link LoggingSpanExporter}, off by default. The exporter is one more
 * {@code SpanExporter} bean: {@link TracingObservabilityAutoConfiguration} redacts and
 * monitors it like the OTLP exporter, and only sampled spans reach it. The exporter is
 * {@code io.opentelemetry:opentelemetry-exporter-logging}, which the service adds:
 * switched on without it, startup fails saying so.
 */
@AutoConfiguration(before = OpenTelemetryTracingAutoConfiguration.class)
@ConditionalOnClass(SdkTracerProvider.class)
@ConditionalOnObservabilityEnabled("tracing")
@ConditionalOnBooleanProperty(ConsoleSpanExportProperties.PREFIX + ".enabled")
@EnableConfigurationProperties(ConsoleSpanExportProperties.class)
public final class ConsoleSpanExportObservabilityAutoConfiguration {

	ConsoleSpanExportObservabilityAutoConfiguration() {
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(LoggingSpanExporter.class)
	static class ExporterConfiguration {

		@Bean
		@ConditionalOnMissingBean
		LoggingSpanExporter consoleSpanExporter() {
			return LoggingSpanExporter.create();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingClass("io.opentelemetry.exporter.logging.LoggingSpanExporter")
	static class MissingExporterConfiguration {

		MissingExporterConfiguration() {
			throw new IllegalStateException(
					ConsoleSpanExportProperties.PREFIX + ".enabled=true (or " + ConsoleSpanExportProperties.VARIABLE
							+ "=true) needs io.opentelemetry:opentelemetry-exporter-logging on the classpath");
		}

	}

}
