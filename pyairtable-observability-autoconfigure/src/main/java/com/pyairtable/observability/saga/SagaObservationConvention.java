package com.pyairtable.observability.saga;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and tags of saga observations.
 */
public interface SagaObservationConvention extends ObservationConvention<SagaContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof SagaContext;
	}

}
