package com.pyairtable.observability.health;

/**
 * Names of the health meters and their tags.
 */
public final class HealthCheckMetricNames {

	/** Gauge, 1 when the check is up and 0 otherwise: {@code health_check_up}. */
	public static final String UP = "health.check.up";

	/**
	 * Gauge, latency of the last check in seconds: {@code health_check_latency_seconds}.
	 */
	public static final String LATENCY = "health.check.latency";

	/** Tag naming the check. */
	public static final String CHECK_TAG = "check";

	private HealthCheckMetricNames() {
	}

}
