package com.pyairtable.observability.saga;

/**
 * Default convention of compensations: as a step, named {@code saga.compensation}.
 */
public class DefaultSagaCompensationObservationConvention extends DefaultSagaStepObservationConvention {

	/** Shared instance. */
	public static final DefaultSagaCompensationObservationConvention INSTANCE = new DefaultSagaCompensationObservationConvention();

	@Override
	public String getName() {
		return SagaMetricNames.COMPENSATION;
	}

}
