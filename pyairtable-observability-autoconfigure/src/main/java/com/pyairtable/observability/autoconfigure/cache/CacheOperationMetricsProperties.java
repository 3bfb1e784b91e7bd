package com.pyairtable.observability.autoconfigure.cache;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Cache operation metrics.
 */
@ConfigurationProperties(CacheOperationMetricsProperties.PREFIX)
public class CacheOperationMetricsProperties {

	/** Prefix of the cache metrics properties. */
	public static final String PREFIX = "pyairtable.observability.metrics.cache";

	/** Whether every cache of every CacheManager bean records its operations. */
	private boolean enabled = true;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

}
