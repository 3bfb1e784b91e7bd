package com.pyairtable.observability.autoconfigure.resilience;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Resilience4j metrics.
 */
@ConfigurationProperties(ResilienceMetricsProperties.PREFIX)
public class ResilienceMetricsProperties {

	/** Prefix of the resilience metrics properties. */
	public static final String PREFIX = "pyairtable.observability.metrics.resilience";

	/**
	 * Whether Resilience4j registries are bound and circuit breaker state is published.
	 */
	private boolean enabled = true;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

}
