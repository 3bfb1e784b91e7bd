package com.pyairtable.observability.autoconfigure.core;

import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.ConfigurationPropertyState;
import org.springframework.core.env.Environment;

/**
 * Whether the application set one of Spring Boot's keys, in any property source (the
 * {@code OTEL_EXPORTER_OTLP_*} variables that Boot maps onto its keys included). The
 * starter's values reach Boot's exporters only where Boot's own key is not set, so that
 * Boot's keys keep winning over the starter's.
 */
public final class ConfiguredProperties {

	private ConfiguredProperties() {
	}

	/**
	 * Whether a key, or any key below it (a map entry), is set.
	 * @param environment the environment
	 * @param key the key in canonical form, such as
	 * {@code management.opentelemetry.tracing.export.otlp.timeout}
	 * @return whether it is set
	 */
	public static boolean isSet(Environment environment, String key) {
		ConfigurationPropertyName name = ConfigurationPropertyName.of(key);
		for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
			if (source.getConfigurationProperty(name) != null
					|| source.containsDescendantOf(name) == ConfigurationPropertyState.PRESENT) {
				return true;
			}
		}
		return false;
	}

}
