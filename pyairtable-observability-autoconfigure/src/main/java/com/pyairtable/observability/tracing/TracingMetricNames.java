package com.pyairtable.observability.tracing;

/**
 * Meter, tag and tag-value names of the tracing policy, as the contract spells them.
 */
public final class TracingMetricNames {

	/** Counter {@code tracing_sampling_decisions_total{decision,reason}}. */
	public static final String SAMPLING_DECISIONS = "tracing.sampling.decisions";

	/** Counter {@code tracing_spans_dropped_total{reason}}: spans lost before export. */
	public static final String SPANS_DROPPED = "tracing.spans.dropped";

	/** Tag: {@code sampled} or {@code dropped}. */
	public static final String DECISION_TAG = "decision";

	/** Tag: why the decision or the loss happened. */
	public static final String REASON_TAG = "reason";

	/** Decision value: the trace is exported. */
	public static final String SAMPLED = "sampled";

	/** Decision value: the trace is not exported. */
	public static final String DROPPED = "dropped";

	/** Reason: an upstream decision was honoured. */
	public static final String REASON_PARENT = "parent";

	/**
	 * Reason: a remote parent's sampled flag was followed, but the traces-per-second cap
	 * refused the trace.
	 */
	public static final String REASON_PARENT_CAPPED = "parent_capped";

	/** Reason: a sampling rule matched. */
	public static final String REASON_RULE = "rule";

	/** Reason: the default ratio decided. */
	public static final String REASON_RATIO = "ratio";

	/** Reason: the traces-per-second cap refused the trace. */
	public static final String REASON_RATE_LIMITED = "rate_limited";

	/** Reason: the local root ended in error, so the trace was kept. */
	public static final String REASON_ERROR = "error";

	/** Reason: the local root was slow, so the trace was kept. */
	public static final String REASON_SLOW = "slow";

	/** Loss reason: the export queue was full. */
	public static final String QUEUE_FULL = "queue_full";

	/** Loss reason: the exporter reported a failure. */
	public static final String EXPORT_FAILED = "export_failed";

	/** Loss reason: the tail buffer overflowed. */
	public static final String TAIL_OVERFLOW = "tail_overflow";

	private TracingMetricNames() {
	}

}
