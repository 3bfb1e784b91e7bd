package com.pyairtable.observability.autoconfigure.redis;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Redis metrics: {@code pyairtable.observability.redis.*}.
 */
@ConfigurationProperties(RedisObservabilityProperties.PREFIX)
public class RedisObservabilityProperties {

	/** Prefix of the Redis properties. */
	public static final String PREFIX = "pyairtable.observability.redis";

	/**
	 * Whether Lettuce's command latency timers publish histogram buckets (for quantiles in
	 * PromQL); off keeps the series count low.
	 */
	private boolean latencyHistogram;

	public boolean isLatencyHistogram() {
		return this.latencyHistogram;
	}

	public void setLatencyHistogram(boolean latencyHistogram) {
		this.latencyHistogram = latencyHistogram;
	}

}
