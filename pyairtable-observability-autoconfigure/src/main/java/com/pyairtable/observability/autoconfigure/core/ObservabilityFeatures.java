package com.pyairtable.observability.autoconfigure.core;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * The starter's and its features' switches, read the way
 * {@link ConditionalOnObservabilityEnabled} reads them, for code that runs outside
 * condition evaluation (environment post-processors, listeners, the ops kit).
 */
public final class ObservabilityFeatures {

	private ObservabilityFeatures() {
	}

	/**
	 * Whether the starter ({@code pyairtable.observability.enabled}) and, when named, the
	 * feature ({@code pyairtable.observability.<feature>.enabled}) are enabled; both
	 * default to true.
	 * @param environment the environment
	 * @param feature the feature's key below {@code pyairtable.observability}, such as
	 * {@code logging} or {@code logging.redaction}; empty for the starter as a whole
	 * @return whether the feature is enabled
	 */
	public static boolean isEnabled(Environment environment, String feature) {
		return disabledKey(environment, feature) == null;
	}

	/**
	 * The switch that turns the feature off, if one does.
	 * @param environment the environment
	 * @param feature the feature's key, empty for the starter as a whole
	 * @return the key set to false, or {@code null} when the feature is enabled
	 */
	static @Nullable String disabledKey(Environment environment, String feature) {
		Binder binder = Binder.get(environment);
		String starterKey = ObservabilityProperties.PREFIX + ".enabled";
		if (!binder.bind(starterKey, Boolean.class).orElse(true)) {
			return starterKey;
		}
		if (!feature.isEmpty()) {
			String featureKey = ObservabilityProperties.PREFIX + "." + feature + ".enabled";
			if (!binder.bind(featureKey, Boolean.class).orElse(true)) {
				return featureKey;
			}
		}
		return null;
	}

}
