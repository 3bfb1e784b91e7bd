package com.pyairtable.observability.saga;

import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

/**
 * Observation context of a whole saga.
 */
public class SagaContext extends Observation.Context {

	private final String sagaId;

	private final String sagaName;

	private @Nullable SagaOutcome outcome;

	/**
	 * Creates a context.
	 * @param sagaId the execution id
	 * @param sagaName the saga name, already bounded
	 */
	public SagaContext(String sagaId, String sagaName) {
		this.sagaId = sagaId;
		this.sagaName = sagaName;
	}

	public String getSagaId() {
		return this.sagaId;
	}

	public String getSagaName() {
		return this.sagaName;
	}

	public @Nullable SagaOutcome getOutcome() {
		return this.outcome;
	}

	public void setOutcome(@Nullable SagaOutcome outcome) {
		this.outcome = outcome;
	}

}
