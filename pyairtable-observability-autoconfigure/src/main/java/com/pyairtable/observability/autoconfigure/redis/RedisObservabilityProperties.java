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
	 * Whether to enable Lettuce's command latency recorder and the Redis operations
	 * counter.
	 */
	private boolean enabled = true;

	/**
	 * Whether Lettuce's command latency timers publish histogram buckets (for quantiles
	 * in PromQL); off keeps the series count low.
	 */
	private boolean latencyHistogram;

	/**
	 * Whether commands outside any traced work (health probes, untraced jobs) start
	 * traces of their own; they are counted either way.
	 */
	private boolean rootSpans;

	public boolean isRootSpans() {
		return this.rootSpans;
	}

	public void setRootSpans(boolean rootSpans) {
		this.rootSpans = rootSpans;
	}

	public boolean isLatencyHistogram() {
		return this.latencyHistogram;
	}

	public void setLatencyHistogram(boolean latencyHistogram) {
		this.latencyHistogram = latencyHistogram;
	}

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

}
