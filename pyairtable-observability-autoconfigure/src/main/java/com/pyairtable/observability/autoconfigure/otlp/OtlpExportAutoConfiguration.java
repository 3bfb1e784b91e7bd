package com.pyairtable.observability.autoconfigure.otlp;

import com.pyairtable.observability.autoconfigure.core.ObservabilityAutoConfiguration;
import com.pyairtable.observability.autoconfigure.core.ConditionalOnObservabilityEnabled;
import com.pyairtable.observability.core.ServiceIdentity;
import com.pyairtable.observability.logging.SecretRedactor;
import com.pyairtable.observability.otlp.LogRecordExporterPostProcessor;
import com.pyairtable.observability.otlp.LogbackOtlpAppender;
import com.pyairtable.observability.otlp.PlatformLogRecordExporter;
import io.opentelemetry.api.OpenTelemetry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * OTLP push of metrics and logs, both off by default. The keys are mapped onto Spring
 * Boot's by {@link OtlpExportEnvironmentPostProcessor}; this configuration binds and
 * checks them, fails startup when a switched-on export lacks its library, and for logs
 * attaches OpenTelemetry's Logback appender and gives every exported record the platform's
 * fields and redaction.
 */
@AutoConfiguration(after = ObservabilityAutoConfiguration.class,
		beforeName = "org.springframework.boot.opentelemetry.autoconfigure.logging.OpenTelemetryLoggingAutoConfiguration")
@ConditionalOnObservabilityEnabled
@EnableConfigurationProperties({ OtlpMetricsExportProperties.class, OtlpLogsExportProperties.class })
public final class OtlpExportAutoConfiguration {

	OtlpExportAutoConfiguration() {
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty(OtlpMetricsExportProperties.PREFIX + ".enabled")
	@ConditionalOnMissingClass("io.micrometer.registry.otlp.OtlpMeterRegistry")
	static class MissingMeterRegistryConfiguration {

		MissingMeterRegistryConfiguration() {
			throw new IllegalStateException(OtlpMetricsExportProperties.PREFIX
					+ ".enabled=true needs io.micrometer:micrometer-registry-otlp on the classpath");
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty(OtlpLogsExportProperties.PREFIX + ".enabled")
	@ConditionalOnMissingClass("io.opentelemetry.instrumentation.logback.appender.v1_0.OpenTelemetryAppender")
	static class MissingAppenderConfiguration {

		MissingAppenderConfiguration() {
			throw new IllegalStateException(OtlpLogsExportProperties.PREFIX + ".enabled=true needs "
					+ "io.opentelemetry.instrumentation:opentelemetry-logback-appender-1.0 on the classpath");
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty(OtlpLogsExportProperties.PREFIX + ".enabled")
	@ConditionalOnClass(name = { "io.opentelemetry.instrumentation.logback.appender.v1_0.OpenTelemetryAppender",
			"ch.qos.logback.classic.LoggerContext", "io.opentelemetry.sdk.logs.export.LogRecordExporter" })
	static class LogsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		static LogRecordExporterPostProcessor logRecordExporterPostProcessor(ObjectProvider<ServiceIdentity> identity,
				ObjectProvider<SecretRedactor> redactor) {
			return new LogRecordExporterPostProcessor((exporter) -> {
				ServiceIdentity service = identity.getObject();
				SecretRedactor secrets = redactor.getIfAvailable();
				return new PlatformLogRecordExporter(exporter, (secrets != null) ? secrets::redact : (text) -> text,
						service.name(), service.version(), service.environment());
			});
		}

		@Bean
		@ConditionalOnMissingBean
		LogbackOtlpAppender logbackOtlpAppender(ObjectProvider<OpenTelemetry> openTelemetry) {
			return new LogbackOtlpAppender(openTelemetry::getIfAvailable);
		}

	}

}
