package com.pyairtable.observability.autoconfigure.cardinality;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Limits shared by the business metric binders.
 */
@ConfigurationProperties(CardinalityProperties.PREFIX)
public class CardinalityProperties {

	/** Prefix of the business metrics properties. */
	public static final String PREFIX = "pyairtable.observability.metrics";

	/**
	 * Distinct values allowed per tag per metric before further values fold into 'other'.
	 */
	private int maxTagValues = 100;

	/** Length in characters beyond which a tag value is cut. */
	private int maxTagValueLength = 64;

	/**
	 * Series a metric name may expose in a scrape, histogram buckets included, before new
	 * values fold into 'other'.
	 */
	private int maxSeriesPerMetric = 2000;

	/**
	 * Time after which an unused tag value is released, with its meters, when its tag
	 * needs room.
	 */
	private Duration tagValueTtl = Duration.ofMinutes(10);

	/** Per tag key, the values it may take; any other value is recorded as 'other'. */
	private final Map<String, Tag> tags = new LinkedHashMap<>();

	public int getMaxTagValues() {
		return this.maxTagValues;
	}

	public void setMaxTagValues(int maxTagValues) {
		if (maxTagValues < 1) {
			throw new IllegalArgumentException(PREFIX + ".max-tag-values must be at least 1, was " + maxTagValues);
		}
		this.maxTagValues = maxTagValues;
	}

	public int getMaxTagValueLength() {
		return this.maxTagValueLength;
	}

	public void setMaxTagValueLength(int maxTagValueLength) {
		if (maxTagValueLength < 1 || maxTagValueLength > 1024) {
			throw new IllegalArgumentException(
					PREFIX + ".max-tag-value-length must be between 1 and 1024, was " + maxTagValueLength);
		}
		this.maxTagValueLength = maxTagValueLength;
	}

	public int getMaxSeriesPerMetric() {
		return this.maxSeriesPerMetric;
	}

	public void setMaxSeriesPerMetric(int maxSeriesPerMetric) {
		if (maxSeriesPerMetric < 1) {
			throw new IllegalArgumentException(
					PREFIX + ".max-series-per-metric must be at least 1, was " + maxSeriesPerMetric);
		}
		this.maxSeriesPerMetric = maxSeriesPerMetric;
	}

	public Duration getTagValueTtl() {
		return this.tagValueTtl;
	}

	public void setTagValueTtl(Duration tagValueTtl) {
		if (tagValueTtl.isNegative() || tagValueTtl.isZero()) {
			throw new IllegalArgumentException(
					PREFIX + ".tag-value-ttl must be a positive duration, was " + tagValueTtl);
		}
		this.tagValueTtl = tagValueTtl;
	}

	public Map<String, Tag> getTags() {
		return this.tags;
	}

	/**
	 * The policy of one tag key, in every metric that has it.
	 */
	public static class Tag {

		/**
		 * Values the tag may take; empty for any value (bounded by the cap and the
		 * budget).
		 */
		private List<String> allowedValues = new ArrayList<>();

		public List<String> getAllowedValues() {
			return this.allowedValues;
		}

		public void setAllowedValues(List<String> allowedValues) {
			this.allowedValues = allowedValues;
		}

	}

}
