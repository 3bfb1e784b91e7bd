package com.pyairtable.observability.autoconfigure.resilience;

import com.pyairtable.observability.autoconfigure.cardinality.CardinalityObservabilityAutoConfiguration;
import com.pyairtable.observability.autoconfigure.core.ConditionalOnObservabilityEnabled;
import com.pyairtable.observability.cardinality.CardinalityGuard;
import com.pyairtable.observability.resilience.CircuitBreakerStateMetrics;
import com.pyairtable.observability.resilience.ResilienceRegistriesMeterBinder;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedBulkheadMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedBulkheadMetricsPublisher;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetricsPublisher;
import io.github.resilience4j.micrometer.tagged.TaggedRateLimiterMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRateLimiterMetricsPublisher;
import io.github.resilience4j.micrometer.tagged.TaggedRetryMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRetryMetricsPublisher;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Resilience4j's tagged meters for every CircuitBreaker, RateLimiter, Retry and Bulkhead
 * registry bean (unless Resilience4j's own Spring Boot module already publishes them),
 * plus {@code circuit_breaker_state} and {@code circuit_breaker_transitions_total}; a
 * default {@link CircuitBreakerRegistry} when the application has none.
 */
@AutoConfiguration(after = CardinalityObservabilityAutoConfiguration.class, afterName = {
		"io.github.resilience4j.springboot3.circuitbreaker.autoconfigure.CircuitBreakerAutoConfiguration",
		"io.github.resilience4j.springboot3.circuitbreaker.autoconfigure.CircuitBreakerMetricsAutoConfiguration",
		"io.github.resilience4j.springboot3.ratelimiter.autoconfigure.RateLimiterAutoConfiguration",
		"io.github.resilience4j.springboot3.ratelimiter.autoconfigure.RateLimiterMetricsAutoConfiguration",
		"io.github.resilience4j.springboot3.retry.autoconfigure.RetryAutoConfiguration",
		"io.github.resilience4j.springboot3.retry.autoconfigure.RetryMetricsAutoConfiguration",
		"io.github.resilience4j.springboot3.bulkhead.autoconfigure.BulkheadAutoConfiguration",
		"io.github.resilience4j.springboot3.bulkhead.autoconfigure.BulkheadMetricsAutoConfiguration" })
@ConditionalOnClass({ MeterRegistry.class, TaggedCircuitBreakerMetrics.class })
@ConditionalOnBean(CardinalityGuard.class)
@ConditionalOnObservabilityEnabled("metrics.resilience")
@EnableConfigurationProperties(ResilienceMetricsProperties.class)
public final class ResilienceObservabilityAutoConfiguration {

	ResilienceObservabilityAutoConfiguration() {
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(CircuitBreakerRegistry.class)
	static class CircuitBreakerConfiguration {

		@Bean
		@ConditionalOnMissingBean
		CircuitBreakerRegistry circuitBreakerRegistry() {
			return CircuitBreakerRegistry.ofDefaults();
		}

		@Bean
		@ConditionalOnMissingBean
		CircuitBreakerStateMetrics circuitBreakerStateMetrics(ObjectProvider<CircuitBreakerRegistry> registries,
				CardinalityGuard guard) {
			return new CircuitBreakerStateMetrics(registries.orderedStream().toList(), guard);
		}

		@Bean
		@ConditionalOnMissingBean(value = TaggedCircuitBreakerMetricsPublisher.class,
				name = "resilience4jCircuitBreakerMeterBinder")
		ResilienceRegistriesMeterBinder<CircuitBreakerRegistry> resilience4jCircuitBreakerMeterBinder(
				ObjectProvider<CircuitBreakerRegistry> registries) {
			return new ResilienceRegistriesMeterBinder<>(registries.orderedStream().toList(),
					TaggedCircuitBreakerMetrics::ofCircuitBreakerRegistry);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(RateLimiterRegistry.class)
	@ConditionalOnBean(RateLimiterRegistry.class)
	static class RateLimiterConfiguration {

		@Bean
		@ConditionalOnMissingBean(value = TaggedRateLimiterMetricsPublisher.class,
				name = "resilience4jRateLimiterMeterBinder")
		ResilienceRegistriesMeterBinder<RateLimiterRegistry> resilience4jRateLimiterMeterBinder(
				ObjectProvider<RateLimiterRegistry> registries) {
			return new ResilienceRegistriesMeterBinder<>(registries.orderedStream().toList(),
					TaggedRateLimiterMetrics::ofRateLimiterRegistry);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(RetryRegistry.class)
	@ConditionalOnBean(RetryRegistry.class)
	static class RetryConfiguration {

		@Bean
		@ConditionalOnMissingBean(value = TaggedRetryMetricsPublisher.class, name = "resilience4jRetryMeterBinder")
		ResilienceRegistriesMeterBinder<RetryRegistry> resilience4jRetryMeterBinder(
				ObjectProvider<RetryRegistry> registries) {
			return new ResilienceRegistriesMeterBinder<>(registries.orderedStream().toList(),
					TaggedRetryMetrics::ofRetryRegistry);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(BulkheadRegistry.class)
	@ConditionalOnBean(BulkheadRegistry.class)
	static class BulkheadConfiguration {

		@Bean
		@ConditionalOnMissingBean(value = TaggedBulkheadMetricsPublisher.class,
				name = "resilience4jBulkheadMeterBinder")
		ResilienceRegistriesMeterBinder<BulkheadRegistry> resilience4jBulkheadMeterBinder(
				ObjectProvider<BulkheadRegistry> registries) {
			return new ResilienceRegistriesMeterBinder<>(registries.orderedStream().toList(),
					TaggedBulkheadMetrics::ofBulkheadRegistry);
		}

	}

}
