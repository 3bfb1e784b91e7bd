package com.pyairtable.observability.autoconfigure.http;

import com.pyairtable.observability.autoconfigure.core.ConditionalOnObservabilityEnabled;
import com.pyairtable.observability.http.PlatformRequestFilter;

import org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointProperties;
import org.springframework.boot.actuate.autoconfigure.web.ManagementContextConfiguration;
import org.springframework.boot.actuate.autoconfigure.web.ManagementContextType;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The platform's probe and scrape paths in the management child context, so that they are
 * served on {@code management.server.port} beside the actuator.
 */
@ManagementContextConfiguration(value = ManagementContextType.CHILD, proxyBeanMethods = false)
@ConditionalOnObservabilityEnabled("endpoints.compat-paths")
@ConditionalOnWebApplication(type = Type.SERVLET)
@ConditionalOnClass(OncePerRequestFilter.class)
@EnableConfigurationProperties(WebEndpointProperties.class)
class CompatPathsManagementContextConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "compatPathsFilter")
	FilterRegistrationBean<PlatformRequestFilter> compatPathsFilter(WebEndpointProperties webEndpointProperties) {
		return CompatPathsObservabilityAutoConfiguration.registration(webEndpointProperties);
	}

}
