package com.pyairtable.observability.autoconfigure.cardinality;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Limits shared by the business metric binders.
 */
@ConfigurationProperties(CardinalityProperties.PREFIX)
public class CardinalityProperties {

	/** Prefix of the business metrics properties. */
	public static final String PREFIX = "pyairtable.observability.metrics";

	/** Distinct values allowed per tag per metric before further values fold into 'other'. */
	private int maxTagValues = 100;

	/** Length in characters beyond which a tag value is cut. */
	private int maxTagValueLength = 64;

	public int getMaxTagValues() {
		return this.maxTagValues;
	}

	public void setMaxTagValues(int maxTagValues) {
		if (maxTagValues < 1) {
			throw new IllegalArgumentException(
					PREFIX + ".max-tag-values must be at least 1, was " + maxTagValues);
		}
		this.maxTagValues = maxTagValues;
	}

	public int getMaxTagValueLength() {
		return this.maxTagValueLength;
	}

	public void setMaxTagValueLength(int maxTagValueLength) {
		if (maxTagValueLength < 1 || maxTagValueLength > 1024) {
			throw new IllegalArgumentException(PREFIX + ".max-tag-value-length must be between 1 and 1024, was "
					+ maxTagValueLength);
		}
		this.maxTagValueLength = maxTagValueLength;
	}

}
