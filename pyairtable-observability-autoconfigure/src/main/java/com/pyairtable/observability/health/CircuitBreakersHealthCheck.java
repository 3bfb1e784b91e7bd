package com.pyairtable.observability.health;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/**
 * Health from Resilience4j's circuit breakers, read from the registry as they are now: an
 * open breaker makes the service DEGRADED; an open breaker named critical makes it DOWN
 * (and, since the check is then critical, takes readiness down). Half-open breakers are
 * shown but stay UP: they are already letting calls through.
 */
public final class CircuitBreakersHealthCheck implements StateHealthCheck {

	/** Name of the check. */
	public static final String NAME = "circuitBreakers";

	private final Supplier<@Nullable CircuitBreakerRegistry> registry;

	private final Set<String> critical;

	/**
	 * Create the check.
	 * @param registry the registry of circuit breakers
	 * @param critical names of the breakers whose opening takes readiness down
	 */
	public CircuitBreakersHealthCheck(CircuitBreakerRegistry registry, Set<String> critical) {
		this(() -> registry, critical);
	}

	/**
	 * Create the check on a registry looked up when the check runs, so that a registry
	 * defined by any configuration is found; none means no breakers.
	 * @param registry supplies the registry of circuit breakers, or {@code null}
	 * @param critical names of the breakers whose opening takes readiness down
	 */
	public CircuitBreakersHealthCheck(Supplier<@Nullable CircuitBreakerRegistry> registry, Set<String> critical) {
		this.registry = registry;
		this.critical = Set.copyOf(critical);
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public boolean critical() {
		return !this.critical.isEmpty();
	}

	@Override
	public Health check() {
		Map<String, String> states = new TreeMap<>();
		boolean open = false;
		boolean criticalOpen = false;
		CircuitBreakerRegistry breakers = this.registry.get();
		for (CircuitBreaker breaker : (breakers != null) ? breakers.getAllCircuitBreakers()
				: Set.<CircuitBreaker>of()) {
			CircuitBreaker.State state = breaker.getState();
			states.put(breaker.getName(), state.name());
			if (state == CircuitBreaker.State.OPEN || state == CircuitBreaker.State.FORCED_OPEN) {
				open = true;
				criticalOpen = criticalOpen || this.critical.contains(breaker.getName());
			}
		}
		Status status = criticalOpen ? Status.DOWN : (open ? HealthStatuses.DEGRADED : Status.UP);
		return Health.status(status).withDetail("breakers", states).build();
	}

}
