package com.pyairtable.observability.autoconfigure.resilience;

import java.time.Duration;

import com.pyairtable.observability.autoconfigure.cardinality.CardinalityObservabilityAutoConfiguration;
import com.pyairtable.observability.resilience.CircuitBreakerStateMetrics;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetricsPublisher;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class ResilienceObservabilityAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class,
				SimpleMetricsExportAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class,
				CardinalityObservabilityAutoConfiguration.class, ResilienceObservabilityAutoConfiguration.class));

	@Test
	void followsRealTransitionsOfBreakersCreatedAfterStartup() {
		CircuitBreakerConfig config = CircuitBreakerConfig.custom()
			.slidingWindowSize(2)
			.minimumNumberOfCalls(2)
			.failureRateThreshold(50)
			.permittedNumberOfCallsInHalfOpenState(1)
			.waitDurationInOpenState(Duration.ofHours(1))
			.build();
		this.runner.withBean(CircuitBreakerRegistry.class, () -> CircuitBreakerRegistry.of(config)).run((context) -> {
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			CircuitBreaker breaker = context.getBean(CircuitBreakerRegistry.class).circuitBreaker("airtable");
			assertThat(state(registry, "airtable")).isZero();
			breaker.onError(0, java.util.concurrent.TimeUnit.MILLISECONDS, new IllegalStateException());
			breaker.onError(0, java.util.concurrent.TimeUnit.MILLISECONDS, new IllegalStateException());
			assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
			assertThat(state(registry, "airtable")).isEqualTo(1);
			breaker.transitionToHalfOpenState();
			assertThat(state(registry, "airtable")).isEqualTo(2);
			breaker.acquirePermission();
			breaker.onSuccess(0, java.util.concurrent.TimeUnit.MILLISECONDS);
			assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
			assertThat(state(registry, "airtable")).isZero();
			assertThat(transitions(registry, "airtable", "closed", "open")).isEqualTo(1);
			assertThat(transitions(registry, "airtable", "open", "half_open")).isEqualTo(1);
			assertThat(transitions(registry, "airtable", "half_open", "closed")).isEqualTo(1);
			breaker.transitionToForcedOpenState();
			assertThat(state(registry, "airtable")).isEqualTo(4);
			// Resilience4j's own tagged meters follow it too.
			assertThat(registry.get("resilience4j.circuitbreaker.state")
				.tags("name", "airtable", "state", "forced_open")
				.gauge()
				.value()).isEqualTo(1);
		});
	}

	@Test
	void providesACircuitBreakerRegistryWhenNoneExists() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(CircuitBreakerRegistry.class)
				.hasSingleBean(CircuitBreakerStateMetrics.class);
			context.getBean(CircuitBreakerRegistry.class).circuitBreaker("late");
			assertThat(state(context.getBean(MeterRegistry.class), "late")).isZero();
		});
	}

	@Test
	void bindsEveryResilience4jRegistryInTheContext() {
		this.runner.withBean(RateLimiterRegistry.class, RateLimiterRegistry::ofDefaults)
			.withBean(RetryRegistry.class, RetryRegistry::ofDefaults)
			.withBean(BulkheadRegistry.class, BulkheadRegistry::ofDefaults)
			.run((context) -> {
				context.getBean(RateLimiterRegistry.class).rateLimiter("gemini");
				context.getBean(RetryRegistry.class).retry("gemini");
				context.getBean(BulkheadRegistry.class).bulkhead("gemini");
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				assertThat(registry.get("resilience4j.ratelimiter.available.permissions").tag("name", "gemini").gauge())
					.isNotNull();
				assertThat(registry.get("resilience4j.retry.calls").tag("name", "gemini").functionCounters())
					.isNotEmpty();
				assertThat(
						registry.get("resilience4j.bulkhead.available.concurrent.calls").tag("name", "gemini").gauge())
					.isNotNull();
			});
	}

	@Test
	void backsOffTaggedMetricsWhenResilience4jPublishesThem() {
		this.runner
			.withBean(TaggedCircuitBreakerMetricsPublisher.class,
					() -> new TaggedCircuitBreakerMetricsPublisher(
							new io.micrometer.core.instrument.simple.SimpleMeterRegistry()))
			.run((context) -> assertThat(context).doesNotHaveBean("resilience4jCircuitBreakerMeterBinder")
				.hasSingleBean(CircuitBreakerStateMetrics.class));
	}

	@Test
	void backsOffWhenDisabled() {
		this.runner.withPropertyValues("pyairtable.observability.metrics.resilience.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(CircuitBreakerRegistry.class)
				.doesNotHaveBean(CircuitBreakerStateMetrics.class));
	}

	@Test
	void backsOffWithoutResilience4jCircuitBreaker() {
		this.runner.withClassLoader(new FilteredClassLoader(CircuitBreakerRegistry.class))
			.run((context) -> assertThat(context).doesNotHaveBean(CircuitBreakerStateMetrics.class));
	}

	private static double state(MeterRegistry registry, String name) {
		return registry.get("circuit.breaker.state").tag("name", name).gauge().value();
	}

	private static double transitions(MeterRegistry registry, String name, String from, String to) {
		return registry.get("circuit.breaker.transitions").tags("name", name, "from", from, "to", to).counter().count();
	}

}
