package com.pyairtable.observability.autoconfigure.logging;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import com.pyairtable.observability.autoconfigure.core.ConditionalOnObservabilityEnabled;
import com.pyairtable.observability.autoconfigure.core.ConfiguredProperties;
import com.pyairtable.observability.autoconfigure.core.ObservabilityAutoConfiguration;
import com.pyairtable.observability.autoconfigure.core.OtlpEndpoint;
import com.pyairtable.observability.core.ServiceIdentity;
import com.pyairtable.observability.logging.SecretRedactor;
import com.pyairtable.observability.logging.otlp.LogRecordExporterPostProcessor;
import com.pyairtable.observability.logging.otlp.LogbackOtlpAppender;
import com.pyairtable.observability.logging.otlp.PlatformLogRecordExporter;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.exporter.otlp.http.logs.OtlpHttpLogRecordExporterBuilder;
import io.opentelemetry.exporter.otlp.logs.OtlpGrpcLogRecordExporterBuilder;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.opentelemetry.autoconfigure.logging.OpenTelemetryLoggingAutoConfiguration;
import org.springframework.boot.opentelemetry.autoconfigure.logging.otlp.OtlpGrpcLogRecordExporterBuilderCustomizer;
import org.springframework.boot.opentelemetry.autoconfigure.logging.otlp.OtlpHttpLogRecordExporterBuilderCustomizer;
import org.springframework.boot.opentelemetry.autoconfigure.logging.otlp.OtlpLoggingAutoConfiguration;
import org.springframework.boot.opentelemetry.autoconfigure.logging.otlp.OtlpLoggingConnectionDetails;
import org.springframework.boot.opentelemetry.autoconfigure.logging.otlp.OtlpLoggingProperties;
import org.springframework.boot.opentelemetry.autoconfigure.logging.otlp.Transport;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * OTLP export of log events (for Loki through a Collector), off by default, on top of
 * Spring Boot's OTLP log record exporter: the endpoint reaches Boot through
 * {@link OtlpLoggingConnectionDetails}, the timeout and headers through the exporter
 * builder customizers, and Boot's own
 * {@code management.opentelemetry.logging.export.otlp.*} keys win. Attaches
 * OpenTelemetry's Logback appender, gives every exported record the platform's fields and
 * redaction, and fails startup when the export is switched on without the appender.
 */
@AutoConfiguration(after = ObservabilityAutoConfiguration.class,
		before = { OpenTelemetryLoggingAutoConfiguration.class, OtlpLoggingAutoConfiguration.class })
@ConditionalOnObservabilityEnabled
// Off by default: one class-level condition, rather than each nested configuration
// read and evaluated at every startup.
@ConditionalOnBooleanProperty(OtlpLogsExportProperties.PREFIX + ".enabled")
@EnableConfigurationProperties(OtlpLogsExportProperties.class)
public final class OtlpLoggingObservabilityAutoConfiguration {

	static final String BOOT_PREFIX = "management.opentelemetry.logging.export.otlp.";

	OtlpLoggingObservabilityAutoConfiguration() {
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingClass("io.opentelemetry.instrumentation.logback.appender.v1_0.OpenTelemetryAppender")
	static class MissingAppenderConfiguration {

		MissingAppenderConfiguration() {
			throw new IllegalStateException(OtlpLogsExportProperties.PREFIX + ".enabled=true needs "
					+ "io.opentelemetry.instrumentation:opentelemetry-logback-appender-1.0 on the classpath");
		}

	}

	@Configuration(proxyBeanMethods = false)
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

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ OtlpHttpLogRecordExporterBuilder.class, OtlpLoggingAutoConfiguration.class })
	@EnableConfigurationProperties(OtlpLoggingProperties.class)
	static class ExportConfiguration {

		@Bean
		@ConditionalOnMissingBean
		OtlpLoggingConnectionDetails otlpLoggingConnectionDetails(OtlpLogsExportProperties properties,
				OtlpLoggingProperties bootProperties, ObjectProvider<SslBundles> sslBundles) {
			return new ExportOtlpLoggingConnectionDetails(properties, bootProperties, sslBundles.getIfAvailable());
		}

		@Bean
		@ConditionalOnMissingBean
		LogsExportCustomizer logsExportCustomizer(OtlpLogsExportProperties properties,
				OtlpLoggingProperties bootProperties, Environment environment) {
			return new LogsExportCustomizer(properties, bootProperties, environment);
		}

	}

	/**
	 * Our endpoint as Boot's connection details: Boot's endpoint when set, else ours (or
	 * the local collector's), with {@code /v1/logs} appended over HTTP when it has no
	 * path.
	 */
	static final class ExportOtlpLoggingConnectionDetails implements OtlpLoggingConnectionDetails {

		private final OtlpLogsExportProperties properties;

		private final OtlpLoggingProperties bootProperties;

		private final @Nullable SslBundles sslBundles;

		ExportOtlpLoggingConnectionDetails(OtlpLogsExportProperties properties, OtlpLoggingProperties bootProperties,
				@Nullable SslBundles sslBundles) {
			this.properties = properties;
			this.bootProperties = bootProperties;
			this.sslBundles = sslBundles;
		}

		@Override
		public String getUrl(Transport transport) {
			String bootEndpoint = this.bootProperties.getEndpoint();
			if (bootEndpoint != null && !bootEndpoint.isBlank()) {
				return bootEndpoint;
			}
			URI endpoint = this.properties.getEndpoint();
			URI base = (endpoint != null) ? endpoint : OtlpEndpoint.DEFAULT_HTTP;
			return (transport == Transport.GRPC) ? base.toString() : OtlpEndpoint.signalUrl(base, "logs");
		}

		@Override
		public @Nullable SslBundle getSslBundle() {
			return OtlpEndpoint.sslBundle(this.bootProperties.getSsl().getBundle(), this.sslBundles);
		}

	}

	/**
	 * Applies the timeout and headers of {@code pyairtable.observability.logging.otlp} to
	 * Boot's OTLP log record exporter wherever the application did not set Boot's own
	 * key.
	 */
	static final class LogsExportCustomizer
			implements OtlpHttpLogRecordExporterBuilderCustomizer, OtlpGrpcLogRecordExporterBuilderCustomizer {

		private final OtlpLogsExportProperties properties;

		private final OtlpLoggingProperties bootProperties;

		private final Environment environment;

		LogsExportCustomizer(OtlpLogsExportProperties properties, OtlpLoggingProperties bootProperties,
				Environment environment) {
			this.properties = properties;
			this.bootProperties = bootProperties;
			this.environment = environment;
		}

		@Override
		public void customize(OtlpHttpLogRecordExporterBuilder builder) {
			apply(builder::setTimeout, builder::addHeader);
		}

		@Override
		public void customize(OtlpGrpcLogRecordExporterBuilder builder) {
			apply(builder::setTimeout, builder::addHeader);
		}

		private void apply(Consumer<Duration> timeout, BiConsumer<String, String> header) {
			if (!ConfiguredProperties.isSet(this.environment, BOOT_PREFIX + "timeout")) {
				timeout.accept(this.properties.getTimeout());
			}
			Map<String, String> bootHeaders = this.bootProperties.getHeaders();
			this.properties.getHeaders().forEach((name, value) -> {
				// Header names are case-insensitive: Boot's header of the same name wins.
				if (bootHeaders.keySet().stream().noneMatch(name::equalsIgnoreCase)) {
					header.accept(name, value);
				}
			});
		}

	}

}
