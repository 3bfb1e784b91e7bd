package com.pyairtable.observability.cardinality;

/**
 * Meter and tag names of the cardinality guard.
 */
public final class CardinalityMetricNames {

	/**
	 * Counter of tag values folded into {@link #OTHER}
	 * ({@code observability_tag_overflow_total}).
	 */
	public static final String TAG_OVERFLOW = "observability.tag.overflow";

	/** Description of {@link #TAG_OVERFLOW}. */
	public static final String TAG_OVERFLOW_DESCRIPTION = "Tag values folded into 'other' by the cardinality guard";

	/**
	 * Counter of tag values that looked like a secret and were recorded as
	 * {@link #REDACTED} ({@code observability_tag_redacted_total}).
	 */
	public static final String TAG_REDACTED = "observability.tag.redacted";

	/** Description of {@link #TAG_REDACTED}. */
	public static final String TAG_REDACTED_DESCRIPTION = "Tag values that looked like a secret, recorded as 'redacted'";

	/** Tag naming the metric whose tag overflowed. */
	public static final String METRIC_TAG = "metric";

	/** Tag naming the tag that overflowed. */
	public static final String TAG_TAG = "tag";

	/** The value that replaces tag values beyond the cap. */
	public static final String OTHER = "other";

	/** The value that replaces a missing or blank tag value. */
	public static final String UNKNOWN = "unknown";

	/** The value that replaces a tag value that looked like a secret. */
	public static final String REDACTED = "redacted";

	private CardinalityMetricNames() {
	}

}
