package com.pyairtable.observability.autoconfigure.http;

import com.pyairtable.observability.autoconfigure.core.ConditionalOnObservabilityEnabled;
import com.pyairtable.observability.http.CompatPaths;
import com.pyairtable.observability.http.CompatPathsFilter;
import jakarta.servlet.DispatcherType;

import org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointProperties;
import org.springframework.boot.actuate.autoconfigure.web.server.ConditionalOnManagementPort;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The platform's probe and scrape paths on the application port, when the actuator is
 * there too. With {@code management.server.port} set,
 * {@link CompatPathsManagementContextConfiguration} serves them on the management port.
 */
@AutoConfiguration
@ConditionalOnObservabilityEnabled("endpoints.compat-paths")
@ConditionalOnWebApplication(type = Type.SERVLET)
@ConditionalOnClass({ OncePerRequestFilter.class, WebEndpointProperties.class })
public final class CompatPathsObservabilityAutoConfiguration {

	/**
	 * Right after the starter's own request filters and well before Spring Security's
	 * (order -100 unless {@code spring.security.filter.order} moves it), so that every
	 * security rule sees the actuator path the request is rewritten to.
	 */
	static final int FILTER_ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

	CompatPathsObservabilityAutoConfiguration() {
	}

	static FilterRegistrationBean<CompatPathsFilter> registration(WebEndpointProperties webEndpointProperties) {
		CompatPathsFilter filter = new CompatPathsFilter(new CompatPaths(webEndpointProperties.getBasePath()));
		FilterRegistrationBean<CompatPathsFilter> registration = new FilterRegistrationBean<>(filter);
		registration.setOrder(FILTER_ORDER);
		registration.setDispatcherTypes(DispatcherType.REQUEST);
		return registration;
	}

	/**
	 * Nested so that the actuator's port condition is only read once the actuator is
	 * known to be on the classpath.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnManagementPort(ManagementPortType.SAME)
	@EnableConfigurationProperties(WebEndpointProperties.class)
	static class SamePortConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "compatPathsFilter")
		FilterRegistrationBean<CompatPathsFilter> compatPathsFilter(WebEndpointProperties webEndpointProperties) {
			return registration(webEndpointProperties);
		}

	}

}
