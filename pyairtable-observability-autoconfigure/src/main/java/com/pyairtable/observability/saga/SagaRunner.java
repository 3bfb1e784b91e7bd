package com.pyairtable.observability.saga;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.pyairtable.observability.cardinality.BoundedTag;
import com.pyairtable.observability.cardinality.CardinalityGuard;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

/**
 * Runs sagas as observed steps with compensations. Either define and run one: <pre>{@code
 * SagaResult result = sagas.saga("checkout")
 *     .step("reserve", inventory::reserve, inventory::release)
 *     .step("charge", payments::charge, payments::refund)
 *     .run();
 * }</pre> or drive one step by step with {@link #begin(String)}.
 */
public class SagaRunner {

	private final ObservationRegistry observationRegistry;

	private final SagaMetrics metrics;

	private final SagaRegistry registry;

	private final BoundedTag sagaNames;

	private final BoundedTag stepNames;

	private final @Nullable SagaObservationConvention sagaConvention;

	private final @Nullable SagaStepObservationConvention stepConvention;

	/**
	 * Creates a runner with the default conventions.
	 * @param observationRegistry where sagas are observed
	 * @param metrics the saga counters
	 * @param registry the running sagas
	 * @param guard the cardinality guard
	 */
	public SagaRunner(ObservationRegistry observationRegistry, SagaMetrics metrics, SagaRegistry registry,
			CardinalityGuard guard) {
		this(observationRegistry, metrics, registry, guard, null, null);
	}

	/**
	 * Creates a runner.
	 * @param observationRegistry where sagas are observed
	 * @param metrics the saga counters
	 * @param registry the running sagas
	 * @param guard the cardinality guard
	 * @param sagaConvention a custom saga convention, or {@code null}
	 * @param stepConvention a custom step convention, or {@code null}
	 */
	public SagaRunner(ObservationRegistry observationRegistry, SagaMetrics metrics, SagaRegistry registry,
			CardinalityGuard guard, @Nullable SagaObservationConvention sagaConvention,
			@Nullable SagaStepObservationConvention stepConvention) {
		this.observationRegistry = observationRegistry;
		this.metrics = metrics;
		this.registry = registry;
		this.sagaNames = guard.tag(SagaMetricNames.DURATION, SagaMetricNames.SAGA_TAG);
		this.stepNames = guard.tag(SagaMetricNames.STEP_DURATION, SagaMetricNames.STEP_TAG);
		this.sagaConvention = sagaConvention;
		this.stepConvention = stepConvention;
	}

	/**
	 * Begins a saga now.
	 * @param name the saga name, such as {@code order-checkout}
	 * @return the running saga
	 */
	public SagaExecution begin(String name) {
		return new SagaExecution(this, UUID.randomUUID().toString(), this.sagaNames.value(name));
	}

	/**
	 * Starts defining a saga to {@link Definition#run() run}.
	 * @param name the saga name
	 * @return the definition
	 */
	public Definition saga(String name) {
		return new Definition(name);
	}

	ObservationRegistry observationRegistry() {
		return this.observationRegistry;
	}

	SagaMetrics metrics() {
		return this.metrics;
	}

	SagaRegistry registry() {
		return this.registry;
	}

	@Nullable SagaObservationConvention sagaConvention() {
		return this.sagaConvention;
	}

	@Nullable SagaStepObservationConvention stepConvention() {
		return this.stepConvention;
	}

	String stepName(String step) {
		return this.stepNames.value(step);
	}

	/**
	 * A saga's steps, run in order by {@link #run()}.
	 */
	public final class Definition {

		private final String name;

		private final List<Step> steps = new ArrayList<>();

		private Definition(String name) {
			this.name = name;
		}

		/**
		 * Adds a step.
		 * @param step the step name
		 * @param action the step's work
		 * @param compensation what undoes it, or {@code null}
		 * @return this definition
		 */
		public Definition step(String step, SagaAction action, @Nullable SagaAction compensation) {
			this.steps.add(new Step(step, action, compensation));
			return this;
		}

		/**
		 * Adds a step that needs no compensation.
		 * @param step the step name
		 * @param action the step's work
		 * @return this definition
		 */
		public Definition step(String step, SagaAction action) {
			return step(step, action, null);
		}

		/**
		 * Runs the steps in order; when one fails, compensates the steps done, newest
		 * first. Never throws what a step throws: the result carries it.
		 * @return the result
		 */
		public SagaResult run() {
			SagaExecution execution = begin(this.name);
			try (Observation.Scope scope = execution.observation().openScope()) {
				for (Step step : this.steps) {
					try {
						execution.step(step.name(), step.action(), step.compensation());
					}
					catch (Exception ex) {
						return execution.fail(ex);
					}
				}
				return execution.complete();
			}
		}

	}

	private record Step(String name, SagaAction action, @Nullable SagaAction compensation) {
	}

}
