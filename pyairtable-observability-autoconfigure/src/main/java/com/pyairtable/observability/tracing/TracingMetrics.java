package com.pyairtable.observability.tracing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Counts sampling decisions and spans lost before export, and exposes them as
 * {@code tracing_sampling_decisions_total} and {@code tracing_spans_dropped_total}. The
 * counts are kept here so that the sampler never depends on a registry; every tag
 * combination is known up front, so the label set is bounded.
 */
public class TracingMetrics implements MeterBinder {

	private static final List<String> DECISIONS = List.of(TracingMetricNames.SAMPLED, TracingMetricNames.DROPPED);

	private static final List<String> DECISION_REASONS = List.of(TracingMetricNames.REASON_PARENT,
			TracingMetricNames.REASON_PARENT_CAPPED, TracingMetricNames.REASON_RULE, TracingMetricNames.REASON_RATIO,
			TracingMetricNames.REASON_RATE_LIMITED, TracingMetricNames.REASON_ERROR, TracingMetricNames.REASON_SLOW);

	private static final List<String> DROP_REASONS = List.of(TracingMetricNames.QUEUE_FULL,
			TracingMetricNames.EXPORT_FAILED, TracingMetricNames.TAIL_OVERFLOW);

	/**
	 * Per reason, for sampled and for dropped decisions: no key is built per decision.
	 */
	private final Map<String, LongAdder> sampled = new LinkedHashMap<>();

	private final Map<String, LongAdder> notSampled = new LinkedHashMap<>();

	private final Map<String, LongAdder> dropped = new LinkedHashMap<>();

	/**
	 * Creates the counters, all at zero.
	 */
	public TracingMetrics() {
		for (String reason : DECISION_REASONS) {
			this.sampled.put(reason, new LongAdder());
			this.notSampled.put(reason, new LongAdder());
		}
		for (String reason : DROP_REASONS) {
			this.dropped.put(reason, new LongAdder());
		}
	}

	/**
	 * Records one sampling decision.
	 * @param sampled whether the trace is exported
	 * @param reason one of the {@code REASON_*} values of {@link TracingMetricNames}
	 */
	public void decision(boolean sampled, String reason) {
		LongAdder adder = (sampled ? this.sampled : this.notSampled).get(reason);
		if (adder != null) {
			adder.increment();
		}
	}

	/**
	 * Records spans lost before export.
	 * @param reason one of the loss reasons of {@link TracingMetricNames}
	 * @param count how many spans
	 */
	public void dropped(String reason, long count) {
		LongAdder adder = this.dropped.get(reason);
		if (adder != null && count > 0) {
			adder.add(count);
		}
	}

	/**
	 * The current count of a decision, for tests and diagnostics.
	 * @param decision {@code sampled} or {@code dropped}
	 * @param reason the reason
	 * @return the count
	 */
	public long decisionCount(String decision, String reason) {
		LongAdder adder = decisions(decision).get(reason);
		return (adder != null) ? adder.sum() : 0;
	}

	/**
	 * The current count of lost spans, for tests and diagnostics.
	 * @param reason the loss reason
	 * @return the count
	 */
	public long droppedCount(String reason) {
		LongAdder adder = this.dropped.get(reason);
		return (adder != null) ? adder.sum() : 0;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		for (String decision : DECISIONS) {
			decisions(decision).forEach((reason, adder) -> FunctionCounter
				.builder(TracingMetricNames.SAMPLING_DECISIONS, adder, LongAdder::sum)
				.description("Sampling decisions of the tracing policy")
				.tag(TracingMetricNames.DECISION_TAG, decision)
				.tag(TracingMetricNames.REASON_TAG, reason)
				.register(registry));
		}
		this.dropped
			.forEach((reason, adder) -> FunctionCounter.builder(TracingMetricNames.SPANS_DROPPED, adder, LongAdder::sum)
				.description("Spans lost before export")
				.tag(TracingMetricNames.REASON_TAG, reason)
				.register(registry));
	}

	private Map<String, LongAdder> decisions(String decision) {
		return TracingMetricNames.SAMPLED.equals(decision) ? this.sampled : this.notSampled;
	}

}
