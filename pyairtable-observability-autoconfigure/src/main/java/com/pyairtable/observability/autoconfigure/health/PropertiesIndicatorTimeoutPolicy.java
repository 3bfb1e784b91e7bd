package com.pyairtable.observability.autoconfigure.health;

import java.time.Duration;
import java.util.function.Predicate;

import com.pyairtable.observability.health.IndicatorTimeoutPolicy;

/**
 * Timeouts from {@code pyairtable.observability.health.indicator-timeout} and the
 * per-indicator overrides of {@code ...health.indicators.<name>}. Without an override an
 * indicator is critical, unless the default criticality given for its name says otherwise
 * (a non-critical {@code StateHealthCheck} under {@code runtime/}).
 */
final class PropertiesIndicatorTimeoutPolicy implements IndicatorTimeoutPolicy {

	private final ObservabilityHealthProperties properties;

	private final Predicate<String> criticalByDefault;

	PropertiesIndicatorTimeoutPolicy(ObservabilityHealthProperties properties) {
		this(properties, (name) -> true);
	}

	PropertiesIndicatorTimeoutPolicy(ObservabilityHealthProperties properties, Predicate<String> criticalByDefault) {
		this.properties = properties;
		this.criticalByDefault = criticalByDefault;
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
		return (indicator != null) ? indicator.isCritical() : this.criticalByDefault.test(name);
	}

}
