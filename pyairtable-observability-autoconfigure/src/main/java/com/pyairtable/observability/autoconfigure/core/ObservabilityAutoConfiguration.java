package com.pyairtable.observability.autoconfigure.core;

import com.pyairtable.observability.core.ServiceIdentity;
import com.pyairtable.observability.core.ServiceIdentityMeterFilter;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.sdk.resources.Resource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.info.ProjectInfoAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.info.BuildProperties;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.opentelemetry.autoconfigure.OpenTelemetryProperties;
import org.springframework.boot.opentelemetry.autoconfigure.OpenTelemetrySdkAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Core of the starter: the service identity, applied as common tags on every meter and as
 * OpenTelemetry resource attributes.
 */
@AutoConfiguration(after = ProjectInfoAutoConfiguration.class,
		before = { MetricsAutoConfiguration.class, OpenTelemetrySdkAutoConfiguration.class })
@ConditionalOnObservabilityEnabled
@EnableConfigurationProperties(ObservabilityProperties.class)
public final class ObservabilityAutoConfiguration {

	ObservabilityAutoConfiguration() {
	}

	/**
	 * The identity, worked out as the JSON log formatter does; the properties are bound
	 * first so that an invalid value fails startup with its own message.
	 */
	@Bean
	@ConditionalOnMissingBean
	ServiceIdentity serviceIdentity(ObservabilityProperties properties, Environment environment,
			ObjectProvider<BuildProperties> buildProperties) {
		BuildProperties build = buildProperties.getIfAvailable();
		String buildVersion = (build != null) ? build.getVersion() : ServiceIdentity.buildInfoVersion(environment);
		return ServiceIdentity.from(environment, buildVersion);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterRegistry.class)
	static class MetricsIdentityConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ServiceIdentityMeterFilter serviceIdentityMeterFilter(ServiceIdentity identity) {
			return new ServiceIdentityMeterFilter(identity);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ Resource.class, OpenTelemetryProperties.class })
	@EnableConfigurationProperties(OpenTelemetryProperties.class)
	static class OpenTelemetryIdentityConfiguration {

		/**
		 * Boot's resource with the identity underneath: {@code OTEL_SERVICE_NAME},
		 * {@code OTEL_RESOURCE_ATTRIBUTES} and
		 * {@code management.opentelemetry.resource-attributes} still win, as they do in
		 * Boot.
		 */
		@Bean
		@ConditionalOnMissingBean
		Resource openTelemetryResource(ServiceIdentity identity, Environment environment,
				OpenTelemetryProperties properties) {
			return Resource.getDefault()
				.merge(OpenTelemetryIdentityResource.create(identity, environment, properties.getResourceAttributes()));
		}

	}

}
