package com.pyairtable.observability.cardinality;

/**
 * Meter and tag names of the cardinality guard.
 */
public final class CardinalityMetricNames {

	/** Counter of tag values folded into {@link #OTHER} ({@code observability_tag_overflow_total}). */
	public static final String TAG_OVERFLOW = "observability.tag.overflow";

	/** Tag naming the metric whose tag overflowed. */
	public static final String METRIC_TAG = "metric";

	/** Tag naming the tag that overflowed. */
	public static final String TAG_TAG = "tag";

	/** The value that replaces tag values beyond the cap. */
	public static final String OTHER = "other";

	/** The value that replaces a missing or blank tag value. */
	public static final String UNKNOWN = "unknown";

	private CardinalityMetricNames() {
	}

}
