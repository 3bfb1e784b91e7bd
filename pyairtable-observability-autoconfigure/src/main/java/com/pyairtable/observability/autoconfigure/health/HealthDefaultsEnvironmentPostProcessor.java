package com.pyairtable.observability.autoconfigure.health;

import java.util.LinkedHashMap;
import java.util.Map;

import com.pyairtable.observability.health.HealthStatuses;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Adds DEGRADED to Spring Boot's health status order (between OUT_OF_SERVICE and UP) and
 * maps it to HTTP 200, as the property source of lowest precedence: any order or mapping
 * the application sets wins.
 */
public class HealthDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	/** Name of the property source holding the defaults. */
	public static final String PROPERTY_SOURCE_NAME = "pyairtableObservabilityHealthDefaults";

	static final String STATUS_ORDER = "management.endpoint.health.status.order";

	static final String HTTP_MAPPING = "management.endpoint.health.status.http-mapping.";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (!environment.getProperty("pyairtable.observability.enabled", Boolean.class, true)
				|| !environment.getProperty(ObservabilityHealthProperties.PREFIX + ".enabled", Boolean.class, true)) {
			return;
		}
		Map<String, Object> defaults = new LinkedHashMap<>();
		defaults.put(STATUS_ORDER, String.join(",", HealthStatuses.ORDER));
		// A mapping set at all replaces Spring Boot's defaults, so they are repeated here.
		defaults.put(HTTP_MAPPING + "DOWN", "503");
		defaults.put(HTTP_MAPPING + "OUT_OF_SERVICE", "503");
		defaults.put(HTTP_MAPPING + HealthStatuses.DEGRADED.getCode(), "200");
		environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE_NAME, defaults));
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
