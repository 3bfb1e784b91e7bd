package com.pyairtable.observability.autoconfigure.metrics;

import java.net.URI;

import com.pyairtable.observability.autoconfigure.core.ConditionalOnObservabilityEnabled;
import com.pyairtable.observability.autoconfigure.core.ObservabilityAutoConfiguration;
import com.pyairtable.observability.autoconfigure.core.OtlpEndpoint;
import io.micrometer.registry.otlp.OtlpMeterRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.otlp.OtlpMetricsConnectionDetails;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.otlp.OtlpMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.otlp.OtlpMetricsProperties;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * OTLP push of every meter (for Mimir), off by default, on top of Spring Boot's OTLP
 * meter registry: the endpoint reaches Boot through {@link OtlpMetricsConnectionDetails},
 * the step, timeout and headers through {@link OtlpMetricsPropertiesCustomizer}, and
 * Boot's own {@code management.otlp.metrics.export.*} keys win. Fails startup when the
 * export is switched on without micrometer-registry-otlp.
 */
@AutoConfiguration(after = ObservabilityAutoConfiguration.class, before = OtlpMetricsExportAutoConfiguration.class)
@ConditionalOnObservabilityEnabled
// Off by default: one class-level condition, rather than each nested configuration
// read and evaluated at every startup.
@ConditionalOnBooleanProperty(OtlpMetricsExportProperties.PREFIX + ".enabled")
@EnableConfigurationProperties(OtlpMetricsExportProperties.class)
public final class OtlpMetricsObservabilityAutoConfiguration {

	OtlpMetricsObservabilityAutoConfiguration() {
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingClass("io.micrometer.registry.otlp.OtlpMeterRegistry")
	static class MissingMeterRegistryConfiguration {

		MissingMeterRegistryConfiguration() {
			throw new IllegalStateException(OtlpMetricsExportProperties.PREFIX
					+ ".enabled=true needs io.micrometer:micrometer-registry-otlp on the classpath");
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ OtlpMeterRegistry.class, OtlpMetricsExportAutoConfiguration.class })
	@EnableConfigurationProperties(OtlpMetricsProperties.class)
	static class ExportConfiguration {

		@Bean
		@ConditionalOnMissingBean
		OtlpMetricsConnectionDetails otlpMetricsConnectionDetails(OtlpMetricsExportProperties properties,
				OtlpMetricsProperties bootProperties, ObjectProvider<SslBundles> sslBundles) {
			return new ExportOtlpMetricsConnectionDetails(properties, bootProperties, sslBundles.getIfAvailable());
		}

		@Bean
		static OtlpMetricsPropertiesCustomizer otlpMetricsPropertiesCustomizer(
				ObjectProvider<OtlpMetricsExportProperties> properties, Environment environment) {
			return new OtlpMetricsPropertiesCustomizer(properties, environment);
		}

	}

	/**
	 * Our endpoint as Boot's connection details: Boot's URL when set, else ours with
	 * {@code /v1/metrics} appended when it has no path, else Micrometer's default.
	 */
	static final class ExportOtlpMetricsConnectionDetails implements OtlpMetricsConnectionDetails {

		private final OtlpMetricsExportProperties properties;

		private final OtlpMetricsProperties bootProperties;

		private final @Nullable SslBundles sslBundles;

		ExportOtlpMetricsConnectionDetails(OtlpMetricsExportProperties properties, OtlpMetricsProperties bootProperties,
				@Nullable SslBundles sslBundles) {
			this.properties = properties;
			this.bootProperties = bootProperties;
			this.sslBundles = sslBundles;
		}

		@Override
		public @Nullable String getUrl() {
			String bootUrl = this.bootProperties.getUrl();
			if (bootUrl != null && !bootUrl.isBlank()) {
				return bootUrl;
			}
			URI endpoint = this.properties.getEndpoint();
			return (endpoint != null) ? OtlpEndpoint.signalUrl(endpoint, "metrics") : null;
		}

		@Override
		public @Nullable SslBundle getSslBundle() {
			return OtlpEndpoint.sslBundle(this.bootProperties.getSsl().getBundle(), this.sslBundles);
		}

	}

}
