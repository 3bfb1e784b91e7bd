package com.pyairtable.observability.autoconfigure.http;

import com.pyairtable.observability.autoconfigure.core.ConditionalOnObservabilityEnabled;
import com.pyairtable.observability.autoconfigure.core.ObservabilityProperties;
import com.pyairtable.observability.http.CompatPaths;
import com.pyairtable.observability.http.HttpExchangeSizeObservationHandler;
import com.pyairtable.observability.http.LatencyBucketsMeterFilter;
import com.pyairtable.observability.http.ManagementRequestObservationPredicate;
import com.pyairtable.observability.http.ManagementRequests;
import com.pyairtable.observability.http.PlatformRequestFilter;
import com.pyairtable.observability.http.RequestIdObservationFilter;
import com.pyairtable.observability.tracing.PolicySampler;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import jakarta.servlet.DispatcherType;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointProperties;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.WebMvcObservationAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;

/**
 * HTTP server metrics: the SLO buckets of {@code http.server.requests} (servlet and
 * WebFlux alike) and, on servlet applications with the actuator, management requests kept
 * out of {@code http.server.requests} and traces, and request and response size
 * summaries.
 */
@AutoConfiguration(after = { CompositeMeterRegistryAutoConfiguration.class, ObservationAutoConfiguration.class,
		WebMvcObservationAutoConfiguration.class })
@ConditionalOnObservabilityEnabled
@EnableConfigurationProperties(ObservabilityProperties.class)
public final class HttpServerObservabilityAutoConfiguration {

	/**
	 * Order of the starter's request filter: before Boot's observation filter
	 * ({@code HIGHEST_PRECEDENCE + 1}), so that the sampler sees the request's path when
	 * the server span starts and the observation's carrier is the counting request, and
	 * well before Spring Security's (-100), so that every security rule sees the actuator
	 * path a platform path is rewritten to.
	 */
	static final int REQUEST_FILTER_ORDER = Ordered.HIGHEST_PRECEDENCE;

	HttpServerObservabilityAutoConfiguration() {
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterRegistry.class)
	static class LatencyBucketsConfiguration {

		@Bean
		@Order(LatencyBucketsMeterFilter.ORDER)
		@ConditionalOnMissingBean
		LatencyBucketsMeterFilter httpServerLatencyBucketsMeterFilter(ObservabilityProperties properties,
				Environment environment) {
			// Boot's own key: the name of the server observation, hence of its timer.
			String name = environment.getProperty("management.observations.http.server.requests.name",
					"http.server.requests");
			return new LatencyBucketsMeterFilter(name, properties.getHttp().getLatencyBuckets());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.SERVLET)
	@ConditionalOnClass({ ObservationRegistry.class, WebEndpointProperties.class })
	@EnableConfigurationProperties(WebEndpointProperties.class)
	static class ServletConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ManagementRequests managementRequests(ObservabilityProperties properties,
				WebEndpointProperties webEndpointProperties) {
			String basePath = webEndpointProperties.getBasePath();
			CompatPaths compatPaths = properties.getEndpoints().getCompatPaths().isEnabled() ? new CompatPaths(basePath)
					: null;
			return new ManagementRequests(basePath, compatPaths);
		}

		@Bean
		@ConditionalOnMissingBean
		@ConditionalOnBooleanProperty(name = ObservabilityProperties.PREFIX + ".http.observe-management-requests",
				havingValue = false, matchIfMissing = true)
		ManagementRequestObservationPredicate managementRequestObservationPredicate(
				ManagementRequests managementRequests) {
			return new ManagementRequestObservationPredicate(managementRequests);
		}

		@Configuration(proxyBeanMethods = false)
		@ConditionalOnClass(MeterRegistry.class)
		@ConditionalOnBean(MeterRegistry.class)
		@ConditionalOnBooleanProperty(name = ObservabilityProperties.PREFIX + ".http.record-sizes",
				matchIfMissing = true)
		static class ExchangeSizeConfiguration {

			@Bean
			@ConditionalOnMissingBean
			HttpExchangeSizeObservationHandler httpExchangeSizeObservationHandler(MeterRegistry registry) {
				return new HttpExchangeSizeObservationHandler(registry);
			}

		}

	}

	/**
	 * One servlet filter for the per-request work of every feature that is on: platform
	 * paths, the request's path for the sampler, the request id and body sizes.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.SERVLET)
	@ConditionalOnClass(FilterRegistrationBean.class)
	static class RequestFilterConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "pyairtableRequestFilter")
		FilterRegistrationBean<PlatformRequestFilter> pyairtableRequestFilter(ObjectProvider<CompatPaths> compatPaths,
				ObjectProvider<PolicySampler> sampler, ObjectProvider<RequestIdObservationFilter> requestIds,
				ObjectProvider<HttpExchangeSizeObservationHandler> sizes,
				ObjectProvider<ManagementRequests> managementRequests, ObservabilityProperties properties) {
			PlatformRequestFilter filter = PlatformRequestFilter.none();
			CompatPaths paths = compatPaths.getIfUnique();
			if (paths != null) {
				filter = filter.withCompatPaths(paths);
			}
			if (sampler.getIfUnique() != null) {
				filter = filter.withRequestInfo();
			}
			if (requestIds.getIfUnique() != null) {
				filter = filter.withRequestId();
			}
			if (sizes.getIfUnique() != null) {
				filter = filter.withSizes(
						properties.getHttp().isObserveManagementRequests() ? null : managementRequests.getIfUnique());
			}
			FilterRegistrationBean<PlatformRequestFilter> registration = new FilterRegistrationBean<>(filter);
			registration.setOrder(REQUEST_FILTER_ORDER);
			registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC);
			registration.setEnabled(filter.hasParts());
			return registration;
		}

	}

}
