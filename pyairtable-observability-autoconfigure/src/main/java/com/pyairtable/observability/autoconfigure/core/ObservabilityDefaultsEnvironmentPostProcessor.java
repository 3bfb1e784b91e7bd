package com.pyairtable.observability.autoconfigure.core;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Adds the starter's actuator defaults and the platform's environment variables as the
 * property source of lowest precedence, the way Spring Boot's devtools adds its defaults:
 * any key the user sets, in any source, wins.
 */
public class ObservabilityDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	/** Name of the property source holding the defaults. */
	public static final String PROPERTY_SOURCE_NAME = "pyairtableObservabilityDefaults";

	/** The platform's environment variables and the properties they stand in for. */
	static final Map<String, String> PLATFORM_VARIABLES = Map.of("SERVICE_NAME",
			ObservabilityProperties.PREFIX + ".service.name", "SERVICE_VERSION",
			ObservabilityProperties.PREFIX + ".service.version", "SERVICE_TIER",
			ObservabilityProperties.PREFIX + ".service.tier", "ENVIRONMENT",
			ObservabilityProperties.PREFIX + ".service.environment", "LOG_FORMAT",
			ObservabilityProperties.PREFIX + ".logging.format", "OTEL_SAMPLING_RATIO",
			ObservabilityProperties.PREFIX + ".tracing.sampling.ratio");

	static final String DEFAULT_LATENCY_BUCKETS = "100ms,250ms,500ms,1s,2s,3s,5s";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (!OnObservabilityEnabledCondition.isEnabled(environment, ObservabilityProperties.PREFIX + ".enabled")) {
			return;
		}
		Map<String, Object> defaults = new LinkedHashMap<>();
		defaults.put("management.endpoints.web.exposure.include", "health,info,prometheus");
		defaults.put("management.endpoint.health.probes.enabled", "true");
		defaults.put("management.observations.long-task-timer.enabled", "true");
		defaults.put("management.metrics.distribution.slo.http.server.requests", latencyBuckets(environment));
		Map<String, Object> systemEnvironment = environment.getSystemEnvironment();
		PLATFORM_VARIABLES.forEach((variable, property) -> {
			Object value = systemEnvironment.get(variable);
			if (value != null && !value.toString().isBlank()) {
				defaults.put(property, value.toString().trim());
			}
		});
		environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE_NAME, defaults));
	}

	/**
	 * The configured buckets, read whichever way they were written (comma-separated or as
	 * a YAML list). A bad value is left for the properties binding to reject with its own
	 * message.
	 */
	private String latencyBuckets(ConfigurableEnvironment environment) {
		try {
			return Binder.get(environment)
				.bind(ObservabilityProperties.PREFIX + ".http.latency-buckets", Bindable.listOf(String.class))
				.map((buckets) -> String.join(",", buckets))
				.orElse(DEFAULT_LATENCY_BUCKETS);
		}
		catch (RuntimeException ex) {
			return DEFAULT_LATENCY_BUCKETS;
		}
	}

	@Override
	public int getOrder() {
		// After config data, so that the user's buckets are visible.
		return Ordered.LOWEST_PRECEDENCE;
	}


}
