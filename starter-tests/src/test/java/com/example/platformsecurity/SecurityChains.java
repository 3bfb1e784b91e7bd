package com.example.platformsecurity;

import jakarta.servlet.DispatcherType;

import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.prometheus.PrometheusScrapeEndpoint;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Security configurations a service might have, each as the service's own configuration
 * class: outside the minimal service's package, so that only the test that names one gets
 * it.
 */
final class SecurityChains {

	static final String PASSWORD = "secret";

	private SecurityChains() {
	}

	/** Two users: {@code ops} with the role {@code OPS}, {@code dev} with none. */
	@Configuration(proxyBeanMethods = false)
	static class Users {

		@Bean
		InMemoryUserDetailsManager users() {
			return new InMemoryUserDetailsManager(
					User.withUsername("ops").password("{noop}" + PASSWORD).roles("OPS").build(),
					User.withUsername("dev").password("{noop}" + PASSWORD).roles("DEV").build());
		}

	}

	/** The common MVC recipe: forwards (and error dispatches) are let through. */
	@Configuration(proxyBeanMethods = false)
	static class PermitsForwards {

		@Bean
		SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
			return http
				.authorizeHttpRequests(
						(requests) -> requests.dispatcherTypeMatchers(DispatcherType.FORWARD, DispatcherType.ERROR)
							.permitAll()
							.requestMatchers(EndpointRequest.to(HealthEndpoint.class))
							.permitAll()
							.anyRequest()
							.authenticated())
				.httpBasic(Customizer.withDefaults())
				.build();
		}

	}

	/**
	 * Health open, everything else authenticated; run with
	 * {@code spring.security.filter.dispatcher-types=request}, so that only REQUEST
	 * dispatches are filtered.
	 */
	@Configuration(proxyBeanMethods = false)
	static class RequestDispatchesOnly {

		@Bean
		SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
			return http
				.authorizeHttpRequests((requests) -> requests.requestMatchers(EndpointRequest.to(HealthEndpoint.class))
					.permitAll()
					.anyRequest()
					.authenticated())
				.httpBasic(Customizer.withDefaults())
				.build();
		}

	}

	/** The actuator protected by path, everything else public. */
	@Configuration(proxyBeanMethods = false)
	static class ActuatorByPath {

		@Bean
		SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
			return http
				.authorizeHttpRequests((requests) -> requests.requestMatchers("/actuator/health", "/actuator/health/**")
					.permitAll()
					.requestMatchers("/actuator/**")
					.hasRole("OPS")
					.anyRequest()
					.permitAll())
				.httpBasic(Customizer.withDefaults())
				.build();
		}

	}

	/**
	 * A chain of its own for the actuator (every endpoint, probes included, for the
	 * {@code OPS} role; forwards let through), and an open one for the rest.
	 */
	@Configuration(proxyBeanMethods = false)
	static class ActuatorChainByEndpoint {

		@Bean
		@Order(1)
		SecurityFilterChain actuatorFilterChain(HttpSecurity http) throws Exception {
			return http.securityMatcher(EndpointRequest.toAnyEndpoint())
				.authorizeHttpRequests((requests) -> requests.dispatcherTypeMatchers(DispatcherType.FORWARD)
					.permitAll()
					.requestMatchers(EndpointRequest.to(PrometheusScrapeEndpoint.class))
					.hasRole("OPS")
					.anyRequest()
					.hasRole("OPS"))
				.httpBasic(Customizer.withDefaults())
				.build();
		}

		@Bean
		@Order(2)
		SecurityFilterChain applicationFilterChain(HttpSecurity http) throws Exception {
			return http.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll()).build();
		}

	}

}
