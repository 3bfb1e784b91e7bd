package com.pyairtable.observability.saga;

import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.docs.ObservationDocumentation;

/**
 * The observations of a saga: the saga, each step and each compensation.
 */
public enum SagaObservationDocumentation implements ObservationDocumentation {

	/** A whole saga. */
	SAGA {
		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DefaultSagaObservationConvention.class;
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return SagaLowCardinalityKeyNames.values();
		}

		@Override
		public KeyName[] getHighCardinalityKeyNames() {
			return SagaHighCardinalityKeyNames.values();
		}
	},

	/** One step of a saga. */
	SAGA_STEP {
		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DefaultSagaStepObservationConvention.class;
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return StepLowCardinalityKeyNames.values();
		}

		@Override
		public KeyName[] getHighCardinalityKeyNames() {
			return SagaHighCardinalityKeyNames.values();
		}
	},

	/** The compensation of one step. */
	SAGA_COMPENSATION {
		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DefaultSagaCompensationObservationConvention.class;
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return StepLowCardinalityKeyNames.values();
		}

		@Override
		public KeyName[] getHighCardinalityKeyNames() {
			return SagaHighCardinalityKeyNames.values();
		}
	};

	/**
	 * Low-cardinality keys of a saga (they become tags).
	 */
	public enum SagaLowCardinalityKeyNames implements KeyName {

		/** The saga name. */
		SAGA {
			@Override
			public String asString() {
				return SagaMetricNames.SAGA_TAG;
			}
		},

		/** The outcome: completed, compensated or failed. */
		OUTCOME {
			@Override
			public String asString() {
				return SagaMetricNames.OUTCOME_TAG;
			}
		}

	}

	/**
	 * Low-cardinality keys of a step or compensation (they become tags).
	 */
	public enum StepLowCardinalityKeyNames implements KeyName {

		/** The saga name. */
		SAGA {
			@Override
			public String asString() {
				return SagaMetricNames.SAGA_TAG;
			}
		},

		/** The step name. */
		STEP {
			@Override
			public String asString() {
				return SagaMetricNames.STEP_TAG;
			}
		}

	}

	/**
	 * High-cardinality keys (span attributes only).
	 */
	public enum SagaHighCardinalityKeyNames implements KeyName {

		/** The execution id. */
		SAGA_ID {
			@Override
			public String asString() {
				return "saga.id";
			}
		}

	}

}
