package com.pyairtable.observability.saga;

/**
 * Meter, observation and tag names of the SAGA metrics; the names operators query, listed
 * in {@code docs/reference/metrics.md}.
 */
public final class SagaMetricNames {

	/** Counter {@code saga_executions_total{saga,outcome}}. */
	public static final String EXECUTIONS = "saga.executions";

	/** Counter {@code saga_operations_total{saga,step,outcome}}. */
	public static final String OPERATIONS = "saga.operations";

	/** Gauge {@code saga_active{saga}}. */
	public static final String ACTIVE = "saga.active";

	/**
	 * Observation of a whole saga; its timer is
	 * {@code saga_duration_seconds{saga,outcome,error}}.
	 */
	public static final String DURATION = "saga.duration";

	/**
	 * Observation of one step; its timer is
	 * {@code saga_step_duration_seconds{saga,step,error}}.
	 */
	public static final String STEP_DURATION = "saga.step.duration";

	/**
	 * Observation of one compensation; its timer is
	 * {@code saga_compensation_seconds{saga,step,error}} (the starter's own addition).
	 */
	public static final String COMPENSATION = "saga.compensation";

	/** Tag: the saga name. */
	public static final String SAGA_TAG = "saga";

	/** Tag: the step name. */
	public static final String STEP_TAG = "step";

	/** Tag: the outcome. */
	public static final String OUTCOME_TAG = "outcome";

	private SagaMetricNames() {
	}

}
