package com.pyairtable.observability.saga;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.pyairtable.observability.cardinality.BoundedTag;
import com.pyairtable.observability.cardinality.CardinalityGuard;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter.MeterProvider;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * The saga counters and the active gauge; durations come from the saga observations.
 */
public class SagaMetrics implements MeterBinder {

	private static final Log logger = LogFactory.getLog(SagaMetrics.class);

	private final BoundedTag executionSaga;

	private final BoundedTag operationSaga;

	private final BoundedTag operationStep;

	private final BoundedTag activeSaga;

	private final ConcurrentHashMap<String, AtomicInteger> active = new ConcurrentHashMap<>();

	private volatile @Nullable MeterRegistry registry;

	private volatile @Nullable MeterProvider<Counter> executions;

	private volatile @Nullable MeterProvider<Counter> operations;

	/**
	 * Creates the metrics.
	 * @param guard the cardinality guard
	 */
	public SagaMetrics(CardinalityGuard guard) {
		this.executionSaga = guard.tag(SagaMetricNames.EXECUTIONS, SagaMetricNames.SAGA_TAG);
		this.operationSaga = guard.tag(SagaMetricNames.OPERATIONS, SagaMetricNames.SAGA_TAG);
		this.operationStep = guard.tag(SagaMetricNames.OPERATIONS, SagaMetricNames.STEP_TAG);
		this.activeSaga = guard.tag(SagaMetricNames.ACTIVE, SagaMetricNames.SAGA_TAG);
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		this.executions = Counter.builder(SagaMetricNames.EXECUTIONS)
			.description("Sagas ended, by outcome")
			.withRegistry(registry);
		this.operations = Counter.builder(SagaMetricNames.OPERATIONS)
			.description("Saga steps and compensations ended, by outcome")
			.withRegistry(registry);
		this.registry = registry;
		this.active.forEach((saga, count) -> registerActive(registry, saga, count));
	}

	void started(String saga) {
		try {
			String name = this.activeSaga.value(saga);
			AtomicInteger count = this.active.get(name);
			if (count == null) {
				count = this.active.computeIfAbsent(name, (key) -> {
					AtomicInteger created = new AtomicInteger();
					MeterRegistry registry = this.registry;
					if (registry != null) {
						registerActive(registry, key, created);
					}
					return created;
				});
			}
			count.incrementAndGet();
		}
		catch (RuntimeException ex) {
			logger.debug("Could not record a saga start", ex);
		}
	}

	void ended(String saga, SagaOutcome outcome) {
		try {
			AtomicInteger count = this.active.get(this.activeSaga.value(saga));
			if (count != null) {
				count.getAndUpdate((current) -> Math.max(0, current - 1));
			}
			MeterProvider<Counter> executions = this.executions;
			if (executions != null) {
				executions
					.withTags(SagaMetricNames.SAGA_TAG, this.executionSaga.value(saga), SagaMetricNames.OUTCOME_TAG,
							outcome.tagValue())
					.increment();
			}
		}
		catch (RuntimeException ex) {
			logger.debug("Could not record a saga end", ex);
		}
	}

	void step(String saga, String step, SagaStepOutcome outcome) {
		try {
			MeterProvider<Counter> operations = this.operations;
			if (operations != null) {
				operations
					.withTags(SagaMetricNames.SAGA_TAG, this.operationSaga.value(saga), SagaMetricNames.STEP_TAG,
							this.operationStep.value(step), SagaMetricNames.OUTCOME_TAG, outcome.tagValue())
					.increment();
			}
		}
		catch (RuntimeException ex) {
			logger.debug("Could not record a saga step", ex);
		}
	}

	private static void registerActive(MeterRegistry registry, String saga, AtomicInteger count) {
		Gauge.builder(SagaMetricNames.ACTIVE, count, AtomicInteger::get)
			.description("Sagas running now")
			.tag(SagaMetricNames.SAGA_TAG, saga)
			.register(registry);
	}

}
