package com.pyairtable.observability.cardinality;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Keeps the business binders' tag values bounded: at most {@code maxTagValues} distinct
 * values per tag per metric, further values fold into {@code other}, each fold counts
 * {@code observability_tag_overflow_total{metric,tag}} and the first fold of a metric logs
 * one warning. Values are trimmed and stripped of control characters.
 * <p>
 * Binders ask once for a {@link BoundedTag} per metric and tag and call
 * {@link BoundedTag#value(String)} on every recording; a value already seen costs one
 * {@link ConcurrentHashMap} lookup and no allocation.
 */
public class CardinalityGuard implements MeterBinder {

	private static final Log logger = LogFactory.getLog(CardinalityGuard.class);

	private final int maxTagValues;

	private final int maxValueLength;

	private final List<MeterRegistry> registries = new CopyOnWriteArrayList<>();

	private final ConcurrentHashMap<String, BoundedTag> tags = new ConcurrentHashMap<>();

	private final Set<String> warnedMetrics = ConcurrentHashMap.newKeySet();

	/**
	 * Creates a guard.
	 * @param maxTagValues the number of distinct values allowed per tag per metric
	 * @param maxValueLength the length beyond which a value is cut
	 */
	public CardinalityGuard(int maxTagValues, int maxValueLength) {
		if (maxTagValues < 1) {
			throw new IllegalArgumentException("maxTagValues must be at least 1, was " + maxTagValues);
		}
		if (maxValueLength < 1) {
			throw new IllegalArgumentException("maxValueLength must be at least 1, was " + maxValueLength);
		}
		this.maxTagValues = maxTagValues;
		this.maxValueLength = maxValueLength;
	}

	/**
	 * The guard of one tag of one metric; the same instance for the same names.
	 * @param metric the Micrometer name of the metric
	 * @param tag the tag key
	 * @return the bounded tag
	 */
	public BoundedTag tag(String metric, String tag) {
		String key = metric + '\u0000' + tag;
		BoundedTag bounded = this.tags.get(key);
		if (bounded == null) {
			bounded = this.tags.computeIfAbsent(key, (k) -> new BoundedTag(this, metric, tag));
			if (!this.registries.isEmpty()) {
				registerOverflowCounters(bounded);
			}
		}
		return bounded;
	}

	/**
	 * The number of distinct values allowed per tag per metric.
	 * @return the cap
	 */
	public int getMaxTagValues() {
		return this.maxTagValues;
	}

	/**
	 * The length beyond which a tag value is cut.
	 * @return the maximum length
	 */
	public int getMaxValueLength() {
		return this.maxValueLength;
	}

	/**
	 * Registers the overflow counter of every guarded tag at zero, so that the first fold
	 * shows as an increase (and the metric is in every scrape).
	 */
	@Override
	public void bindTo(MeterRegistry registry) {
		this.registries.add(registry);
		this.tags.values().forEach(this::registerOverflowCounters);
	}

	private void registerOverflowCounters(BoundedTag tag) {
		try {
			overflowCounters(tag);
		}
		catch (RuntimeException ex) {
			logger.debug("Could not register a tag overflow counter", ex);
		}
	}

	void overflowed(BoundedTag tag) {
		try {
			for (Counter counter : overflowCounters(tag)) {
				counter.increment();
			}
			if (this.warnedMetrics.add(tag.metric())) {
				logger.warn("Metric '" + tag.metric() + "' reached " + this.maxTagValues + " distinct values of tag '"
						+ tag.key() + "'; further values are recorded as '" + CardinalityMetricNames.OTHER
						+ "' (pyairtable.observability.metrics.max-tag-values). This is logged once per metric.");
			}
		}
		catch (RuntimeException ex) {
			logger.debug("Could not record a tag overflow", ex);
		}
	}

	private List<Counter> overflowCounters(BoundedTag tag) {
		List<Counter> counters = tag.overflowCounters;
		if (counters == null || counters.size() != this.registries.size()) {
			counters = this.registries.stream()
				.map((registry) -> Counter.builder(CardinalityMetricNames.TAG_OVERFLOW)
					.description("Tag values folded into 'other' by the cardinality guard")
					.tag(CardinalityMetricNames.METRIC_TAG, tag.metric())
					.tag(CardinalityMetricNames.TAG_TAG, tag.key())
					.register(registry))
				.toList();
			tag.overflowCounters = counters;
		}
		return counters;
	}

	String sanitize(String raw) {
		String trimmed = raw.strip();
		int length = Math.min(trimmed.length(), this.maxValueLength);
		StringBuilder builder = null;
		for (int i = 0; i < length; i++) {
			char c = trimmed.charAt(i);
			if (Character.isISOControl(c) || Character.isSurrogate(c)) {
				if (builder == null) {
					builder = new StringBuilder(length).append(trimmed, 0, i);
				}
				builder.append('_');
			}
			else if (builder != null) {
				builder.append(c);
			}
		}
		String value = (builder != null) ? builder.toString() : trimmed.substring(0, length);
		return value.isEmpty() ? CardinalityMetricNames.UNKNOWN : value;
	}

}
