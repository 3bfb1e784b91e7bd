package com.pyairtable.observability.saga;

import io.micrometer.observation.Observation;

/**
 * Observation context of one step of a saga, or of its compensation.
 */
public class SagaStepContext extends Observation.Context {

	private final String sagaId;

	private final String sagaName;

	private final String stepName;

	private final boolean compensation;

	/**
	 * Creates a context.
	 * @param sagaId the execution id
	 * @param sagaName the saga name, already bounded
	 * @param stepName the step name, already bounded
	 * @param compensation whether this is the step's compensation
	 */
	public SagaStepContext(String sagaId, String sagaName, String stepName, boolean compensation) {
		this.sagaId = sagaId;
		this.sagaName = sagaName;
		this.stepName = stepName;
		this.compensation = compensation;
	}

	public String getSagaId() {
		return this.sagaId;
	}

	public String getSagaName() {
		return this.sagaName;
	}

	public String getStepName() {
		return this.stepName;
	}

	public boolean isCompensation() {
		return this.compensation;
	}

}
