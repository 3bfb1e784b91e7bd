package com.pyairtable.observability.saga;

import com.pyairtable.observability.saga.SagaObservationDocumentation.SagaHighCardinalityKeyNames;
import com.pyairtable.observability.saga.SagaObservationDocumentation.SagaLowCardinalityKeyNames;
import io.micrometer.common.KeyValues;

/**
 * Default {@link SagaObservationConvention}: the observation is named
 * {@code saga.duration} so that its timer is the contract's
 * {@code saga_duration_seconds{saga,outcome}}; the span is named {@code saga <name>}.
 */
public class DefaultSagaObservationConvention implements SagaObservationConvention {

	/** Shared instance. */
	public static final DefaultSagaObservationConvention INSTANCE = new DefaultSagaObservationConvention();

	private static final String UNKNOWN = "unknown";

	@Override
	public String getName() {
		return SagaMetricNames.DURATION;
	}

	@Override
	public String getContextualName(SagaContext context) {
		return "saga " + context.getSagaName();
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(SagaContext context) {
		SagaOutcome outcome = context.getOutcome();
		return KeyValues.of(SagaLowCardinalityKeyNames.SAGA.withValue(context.getSagaName()),
				SagaLowCardinalityKeyNames.OUTCOME.withValue((outcome != null) ? outcome.tagValue() : UNKNOWN));
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(SagaContext context) {
		return KeyValues.of(SagaHighCardinalityKeyNames.SAGA_ID.withValue(context.getSagaId()));
	}

}
