package com.pyairtable.observability.health;

import org.springframework.boot.health.contributor.Health;

/**
 * A health check computed from state the process already holds (a binder's counters, a
 * registry of circuit breakers, running sagas), exposed under {@code runtime/<name>} in
 * {@code /actuator/health} and as {@code health_check_up{check="<name>"}}.
 * <p>
 * Define one as a bean to add it: for example Airtable rate limiting (a run of 429s
 * within a window gives {@link HealthStatuses#DEGRADED}) or stuck sagas (DEGRADED with
 * their ids in the details). Implementations must answer in constant time without I/O.
 */
public interface StateHealthCheck {

	/**
	 * Name of the check: the contributor name below {@code runtime} and the {@code check}
	 * tag; a bounded, constant value such as {@code circuitBreakers}.
	 * @return the name
	 */
	String name();

	/**
	 * Current health: UP, {@link HealthStatuses#DEGRADED} or DOWN, with details.
	 * @return the health
	 */
	Health check();

	/**
	 * Whether the check joins the readiness group, so that a DOWN takes readiness down; a
	 * DEGRADED never does.
	 * @return whether the check is critical
	 */
	default boolean critical() {
		return false;
	}

}
