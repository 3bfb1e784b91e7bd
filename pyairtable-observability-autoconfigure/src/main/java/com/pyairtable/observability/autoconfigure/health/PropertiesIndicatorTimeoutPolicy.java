package com.pyairtable.observability.autoconfigure.health;

import java.time.Duration;

import com.pyairtable.observability.health.IndicatorTimeoutPolicy;

/**
 * Timeouts from {@code pyairtable.observability.health.indicator-timeout} and the
 * per-indicator overrides of {@code ...health.indicators.<name>}.
 */
final class PropertiesIndicatorTimeoutPolicy implements IndicatorTimeoutPolicy {

	private final ObservabilityHealthProperties properties;

	PropertiesIndicatorTimeoutPolicy(ObservabilityHealthProperties properties) {
		this.properties = properties;
	}

	@Override
	public Duration timeout(String name) {
		ObservabilityHealthProperties.Indicator indicator = this.properties.getIndicators().get(name);
		return (indicator != null && indicator.getTimeout() != null) ? indicator.getTimeout()
				: this.properties.getIndicatorTimeout();
	}

	@Override
	public boolean critical(String name) {
		ObservabilityHealthProperties.Indicator indicator = this.properties.getIndicators().get(name);
		return indicator == null || indicator.isCritical();
	}

}
