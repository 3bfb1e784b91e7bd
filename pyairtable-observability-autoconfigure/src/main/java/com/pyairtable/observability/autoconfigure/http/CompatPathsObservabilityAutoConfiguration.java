package com.pyairtable.observability.autoconfigure.http;

import com.pyairtable.observability.autoconfigure.core.ConditionalOnObservabilityEnabled;
import com.pyairtable.observability.http.CompatPaths;
import com.pyairtable.observability.http.PlatformRequestFilter;
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

	CompatPathsObservabilityAutoConfiguration() {
	}

	static FilterRegistrationBean<PlatformRequestFilter> registration(WebEndpointProperties webEndpointProperties) {
		PlatformRequestFilter filter = PlatformRequestFilter.none()
			.withCompatPaths(new CompatPaths(webEndpointProperties.getBasePath()));
		FilterRegistrationBean<PlatformRequestFilter> registration = new FilterRegistrationBean<>(filter);
		// Well before Spring Security's (order -100 unless spring.security.filter.order
		// moves it), so that every security rule sees the actuator path.
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
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

		/**
		 * The path table, served by the starter's request filter (see
		 * {@code HttpServerObservabilityAutoConfiguration}).
		 * @param webEndpointProperties the actuator's base path
		 * @return the paths
		 */
		@Bean
		@ConditionalOnMissingBean
		CompatPaths platformCompatPaths(WebEndpointProperties webEndpointProperties) {
			return new CompatPaths(webEndpointProperties.getBasePath());
		}

	}

}
