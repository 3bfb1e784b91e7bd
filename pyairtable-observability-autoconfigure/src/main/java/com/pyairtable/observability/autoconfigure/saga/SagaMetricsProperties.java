package com.pyairtable.observability.autoconfigure.saga;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * SAGA metrics.
 */
@ConfigurationProperties(SagaMetricsProperties.PREFIX)
public class SagaMetricsProperties {

	/** Prefix of the SAGA metrics properties. */
	public static final String PREFIX = "pyairtable.observability.metrics.saga";

	/** Whether sagas are observed and the SagaRunner API is provided. */
	private boolean enabled = true;

	/** Whether the saga and step duration timers are published as histograms. */
	private boolean histogram = true;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public boolean isHistogram() {
		return this.histogram;
	}

	public void setHistogram(boolean histogram) {
		this.histogram = histogram;
	}

}
