package com.pyairtable.observability.health;

import java.util.Map;
import java.util.Set;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;

class CircuitBreakersHealthCheckTests {

	private final CircuitBreakerRegistry registry = CircuitBreakerRegistry.ofDefaults();

	@Test
	void isUpWhenEveryBreakerIsClosed() {
		this.registry.circuitBreaker("airtable");
		Health health = new CircuitBreakersHealthCheck(this.registry, Set.of()).check();
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("breakers", Map.of("airtable", "CLOSED"));
	}

	@Test
	void isDegradedWhenABreakerIsOpen() {
		this.registry.circuitBreaker("llm").transitionToOpenState();
		this.registry.circuitBreaker("airtable");
		CircuitBreakersHealthCheck check = new CircuitBreakersHealthCheck(this.registry, Set.of("airtable"));
		assertThat(check.check().getStatus()).isEqualTo(HealthStatuses.DEGRADED);
		assertThat(check.critical()).isTrue();
	}

	@Test
	void isDownWhenACriticalBreakerIsOpen() {
		this.registry.circuitBreaker("airtable").transitionToForcedOpenState();
		Health health = new CircuitBreakersHealthCheck(this.registry, Set.of("airtable")).check();
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
	}

	@Test
	void isNotCriticalWhenNoBreakerIsNamedCritical() {
		assertThat(new CircuitBreakersHealthCheck(this.registry, Set.of()).critical()).isFalse();
	}

	@Test
	void isUpWithoutARegistry() {
		assertThat(new CircuitBreakersHealthCheck(() -> null, Set.of()).check().getStatus()).isEqualTo(Status.UP);
	}

}
