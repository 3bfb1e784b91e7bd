package com.pyairtable.observability.autoconfigure.core;

import java.util.Map;

import com.pyairtable.observability.http.LatencyBucketsMeterFilter;
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
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;

/**
 * Core of the starter: the service identity, applied as common tags on every meter and
 * as OpenTelemetry resource attributes, and the SLO buckets of {@code http.server.requests}.
 */
@AutoConfiguration(after = ProjectInfoAutoConfiguration.class,
		before = { MetricsAutoConfiguration.class, OpenTelemetrySdkAutoConfiguration.class })
@ConditionalOnObservabilityEnabled
@EnableConfigurationProperties(ObservabilityProperties.class)
public final class ObservabilityAutoConfiguration {

	static final String UNKNOWN = "unknown";

	ObservabilityAutoConfiguration() {
	}

	@Bean
	@ConditionalOnMissingBean
	ServiceIdentity serviceIdentity(ObservabilityProperties properties, Environment environment,
			ObjectProvider<BuildProperties> buildProperties) {
		ObservabilityProperties.Service service = properties.getService();
		String name = service.getName();
		if (name == null) {
			name = environment.getProperty("spring.application.name", UNKNOWN);
		}
		String version = service.getVersion();
		if (version == null) {
			BuildProperties build = buildProperties.getIfAvailable();
			version = (build != null && build.getVersion() != null) ? build.getVersion() : UNKNOWN;
		}
		return new ServiceIdentity(name, version, service.getTier(), service.getEnvironment());
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterRegistry.class)
	static class MetricsIdentityConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ServiceIdentityMeterFilter serviceIdentityMeterFilter(ServiceIdentity identity) {
			return new ServiceIdentityMeterFilter(identity);
		}

		@Bean
		@Order(LatencyBucketsMeterFilter.ORDER)
		@ConditionalOnMissingBean
		LatencyBucketsMeterFilter httpServerLatencyBucketsMeterFilter(ObservabilityProperties properties,
				Environment environment) {
			String name = environment.getProperty("management.observations.http.server.requests.name",
					"http.server.requests");
			return new LatencyBucketsMeterFilter(name, properties.getHttp().getLatencyBuckets());
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
