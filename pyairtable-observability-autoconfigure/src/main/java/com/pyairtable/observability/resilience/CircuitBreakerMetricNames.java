package com.pyairtable.observability.resilience;

/**
 * Meter and tag names of the circuit breaker metrics; the names operators query, listed
 * in {@code docs/reference/metrics.md}.
 */
public final class CircuitBreakerMetricNames {

	/**
	 * Gauge {@code circuit_breaker_state{name}}: 0 closed, 1 open, 2 half-open, 3
	 * disabled, 4 forced open, 5 metrics only.
	 */
	public static final String STATE = "circuit.breaker.state";

	/** Counter {@code circuit_breaker_transitions_total{name,from,to}}. */
	public static final String TRANSITIONS = "circuit.breaker.transitions";

	/** Tag: the circuit breaker name. */
	public static final String NAME_TAG = "name";

	/** Tag: the state left. */
	public static final String FROM_TAG = "from";

	/** Tag: the state entered. */
	public static final String TO_TAG = "to";

	private CircuitBreakerMetricNames() {
	}

}
