package com.pyairtable.observability.autoconfigure.http;

import com.pyairtable.observability.autoconfigure.core.ConditionalOnObservabilityEnabled;
import com.pyairtable.observability.autoconfigure.core.ObservabilityProperties;
import com.pyairtable.observability.http.CompatPaths;
import com.pyairtable.observability.http.HttpExchangeSizeFilter;
import com.pyairtable.observability.http.HttpExchangeSizeObservationHandler;
import com.pyairtable.observability.http.ManagementRequestObservationPredicate;
import com.pyairtable.observability.http.ManagementRequests;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import jakarta.servlet.DispatcherType;

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

/**
 * HTTP server defaults: management requests kept out of {@code http.server.requests} and
 * traces, and request and response size summaries.
 */
@AutoConfiguration(after = { CompositeMeterRegistryAutoConfiguration.class, ObservationAutoConfiguration.class,
		WebMvcObservationAutoConfiguration.class })
@ConditionalOnObservabilityEnabled
@ConditionalOnWebApplication(type = Type.SERVLET)
@ConditionalOnClass({ ObservationRegistry.class, WebEndpointProperties.class })
@EnableConfigurationProperties({ ObservabilityProperties.class, WebEndpointProperties.class })
public final class HttpServerObservabilityAutoConfiguration {

	/** Order of the size filter: just inside Boot's observation filter. */
	static final int SIZE_FILTER_ORDER = Ordered.HIGHEST_PRECEDENCE + 2;

	HttpServerObservabilityAutoConfiguration() {
	}

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
	@ConditionalOnBooleanProperty(name = ObservabilityProperties.PREFIX + ".http.record-sizes", matchIfMissing = true)
	static class ExchangeSizeConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "httpExchangeSizeFilter")
		FilterRegistrationBean<HttpExchangeSizeFilter> httpExchangeSizeFilter(ManagementRequests managementRequests,
				ObservabilityProperties properties) {
			HttpExchangeSizeFilter filter = new HttpExchangeSizeFilter(managementRequests,
					properties.getHttp().isObserveManagementRequests());
			FilterRegistrationBean<HttpExchangeSizeFilter> registration = new FilterRegistrationBean<>(filter);
			registration.setOrder(SIZE_FILTER_ORDER);
			registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC);
			return registration;
		}

		@Bean
		@ConditionalOnMissingBean
		HttpExchangeSizeObservationHandler httpExchangeSizeObservationHandler(MeterRegistry registry) {
			return new HttpExchangeSizeObservationHandler(registry);
		}

	}

}
