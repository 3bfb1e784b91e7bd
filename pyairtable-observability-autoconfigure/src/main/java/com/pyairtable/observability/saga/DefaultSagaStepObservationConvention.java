package com.pyairtable.observability.saga;

import com.pyairtable.observability.saga.SagaObservationDocumentation.SagaHighCardinalityKeyNames;
import com.pyairtable.observability.saga.SagaObservationDocumentation.StepLowCardinalityKeyNames;
import io.micrometer.common.KeyValues;

/**
 * Default {@link SagaStepObservationConvention}: a step is named
 * {@code saga.step.duration} (timer {@code saga_step_duration_seconds{saga,step}}), a
 * compensation {@code saga.compensation}; spans read {@code saga <name> step <step>} and
 * {@code saga <name> compensate <step>}.
 */
public class DefaultSagaStepObservationConvention implements SagaStepObservationConvention {

	/** Shared instance. */
	public static final DefaultSagaStepObservationConvention INSTANCE = new DefaultSagaStepObservationConvention();

	@Override
	public String getName() {
		return SagaMetricNames.STEP_DURATION;
	}

	@Override
	public String getContextualName(SagaStepContext context) {
		return "saga " + context.getSagaName() + (context.isCompensation() ? " compensate " : " step ")
				+ context.getStepName();
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(SagaStepContext context) {
		return KeyValues.of(StepLowCardinalityKeyNames.SAGA.withValue(context.getSagaName()),
				StepLowCardinalityKeyNames.STEP.withValue(context.getStepName()));
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(SagaStepContext context) {
		return KeyValues.of(SagaHighCardinalityKeyNames.SAGA_ID.withValue(context.getSagaId()));
	}

}
