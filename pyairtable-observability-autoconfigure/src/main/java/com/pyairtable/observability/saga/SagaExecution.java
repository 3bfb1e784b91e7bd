package com.pyairtable.observability.saga;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.observation.Observation;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * One running saga, begun with {@link SagaRunner#begin(String)}: run its steps, then
 * {@link #complete()} it or {@link #fail(Throwable)} it (which runs the compensations of
 * the steps done, newest first). The saga is an observation and each step and
 * compensation a child observation, so a failed saga reads as one trace.
 */
public final class SagaExecution implements AutoCloseable {

	private static final Log logger = LogFactory.getLog(SagaExecution.class);

	private final SagaRunner runner;

	private final SagaContext context;

	private final Observation observation;

	private final Deque<Done> done = new ArrayDeque<>();

	private final AtomicBoolean ended = new AtomicBoolean();

	private @Nullable String failedStep;

	SagaExecution(SagaRunner runner, String id, String name) {
		this.runner = runner;
		this.context = new SagaContext(id, name);
		this.observation = SagaObservationDocumentation.SAGA.observation(runner.sagaConvention(),
				DefaultSagaObservationConvention.INSTANCE, () -> this.context, runner.observationRegistry());
		start();
	}

	private void start() {
		try {
			this.runner.registry().started(this.context.getSagaId(), this.context.getSagaName());
			this.runner.metrics().started(this.context.getSagaName());
			this.observation.start();
		}
		catch (RuntimeException ex) {
			logger.debug("Could not observe a saga start", ex);
		}
	}

	/**
	 * The execution id.
	 * @return the id
	 */
	public String id() {
		return this.context.getSagaId();
	}

	/**
	 * The saga name (bounded by the cardinality guard).
	 * @return the name
	 */
	public String name() {
		return this.context.getSagaName();
	}

	/**
	 * Runs a step; when it succeeds its compensation is remembered for {@link #fail}.
	 * @param <T> the step's result type
	 * @param step the step name
	 * @param action the step's work
	 * @param compensation what undoes the step, or {@code null} when nothing needs
	 * undoing
	 * @return the step's result
	 * @throws Exception what the step threw, after recording it as a failure
	 */
	public <T> T step(String step, Callable<T> action, @Nullable SagaAction compensation) throws Exception {
		String stepName = this.runner.stepName(step);
		Observation stepObservation = stepObservation(stepName, false);
		try (Observation.Scope scope = stepObservation.openScope()) {
			T result = action.call();
			this.runner.metrics().step(name(), stepName, SagaStepOutcome.SUCCESS);
			if (compensation != null) {
				// Only what can be undone is remembered: a long saga of plain steps holds
				// nothing.
				this.done.push(new Done(stepName, compensation));
			}
			return result;
		}
		catch (Exception ex) {
			this.failedStep = stepName;
			stepObservation.error(ex);
			this.runner.metrics().step(name(), stepName, SagaStepOutcome.FAILURE);
			throw ex;
		}
		finally {
			stepObservation.stop();
		}
	}

	/**
	 * Runs a step with no result; see {@link #step(String, Callable, SagaAction)}.
	 * @param step the step name
	 * @param action the step's work
	 * @param compensation what undoes the step, or {@code null}
	 * @throws Exception what the step threw, after recording it as a failure
	 */
	public void step(String step, SagaAction action, @Nullable SagaAction compensation) throws Exception {
		step(step, () -> {
			action.run();
			return null;
		}, compensation);
	}

	/**
	 * Ends the saga as completed.
	 * @return the result
	 */
	public SagaResult complete() {
		return end(SagaOutcome.COMPLETED, null);
	}

	/**
	 * Runs the compensations of the steps done, newest first, and ends the saga as
	 * compensated (all compensations succeeded) or failed (one did not). Compensation
	 * failures are recorded and logged, never thrown.
	 * @param cause why the saga failed, or {@code null}
	 * @return the result
	 */
	public SagaResult fail(@Nullable Throwable cause) {
		if (this.ended.get()) {
			return result(this.context.getOutcome(), cause);
		}
		boolean compensated = true;
		while (!this.done.isEmpty()) {
			compensated &= compensate(this.done.pop());
		}
		return end(compensated ? SagaOutcome.COMPENSATED : SagaOutcome.FAILED, cause);
	}

	/**
	 * Fails the saga when it was neither completed nor failed: a saga left by an
	 * exception is compensated.
	 */
	@Override
	public void close() {
		if (!this.ended.get()) {
			fail(null);
		}
	}

	private boolean compensate(Done step) {
		if (step.compensation() == null) {
			return true;
		}
		Observation compensation = stepObservation(step.name(), true);
		try (Observation.Scope scope = compensation.openScope()) {
			step.compensation().run();
			this.runner.metrics().step(name(), step.name(), SagaStepOutcome.COMPENSATED);
			return true;
		}
		catch (Exception ex) {
			compensation.error(ex);
			this.runner.metrics().step(name(), step.name(), SagaStepOutcome.FAILURE);
			logger.warn("Compensation of step '" + step.name() + "' of saga '" + name() + "' (" + id() + ") failed",
					ex);
			return false;
		}
		finally {
			compensation.stop();
		}
	}

	private SagaResult end(SagaOutcome outcome, @Nullable Throwable cause) {
		if (!this.ended.compareAndSet(false, true)) {
			return result(this.context.getOutcome(), cause);
		}
		try {
			this.context.setOutcome(outcome);
			if (cause != null) {
				this.observation.error(cause);
			}
			this.observation.stop();
		}
		catch (RuntimeException ex) {
			logger.debug("Could not observe a saga end", ex);
		}
		finally {
			this.runner.registry().finished(id());
			this.runner.metrics().ended(name(), outcome);
		}
		return result(outcome, cause);
	}

	private SagaResult result(@Nullable SagaOutcome outcome, @Nullable Throwable cause) {
		return new SagaResult(id(), name(), (outcome != null) ? outcome : SagaOutcome.FAILED, this.failedStep, cause);
	}

	private Observation stepObservation(String step, boolean compensation) {
		SagaStepContext stepContext = new SagaStepContext(id(), name(), step, compensation);
		SagaObservationDocumentation documentation = compensation ? SagaObservationDocumentation.SAGA_COMPENSATION
				: SagaObservationDocumentation.SAGA_STEP;
		DefaultSagaStepObservationConvention defaultConvention = compensation
				? DefaultSagaCompensationObservationConvention.INSTANCE : DefaultSagaStepObservationConvention.INSTANCE;
		Observation observation = documentation.observation(compensation ? null : this.runner.stepConvention(),
				defaultConvention, () -> stepContext, this.runner.observationRegistry());
		return observation.parentObservation(this.observation).start();
	}

	Observation observation() {
		return this.observation;
	}

	private record Done(String name, @Nullable SagaAction compensation) {
	}

}
