package com.pyairtable.observability.saga;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and tags of saga step and compensation observations.
 */
public interface SagaStepObservationConvention extends ObservationConvention<SagaStepContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof SagaStepContext;
	}

}
