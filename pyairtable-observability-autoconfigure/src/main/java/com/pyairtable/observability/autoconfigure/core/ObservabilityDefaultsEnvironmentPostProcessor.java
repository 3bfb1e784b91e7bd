package com.pyairtable.observability.autoconfigure.core;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;

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
			ObservabilityProperties.PREFIX + ".tracing.sampling.ratio", "OTEL_CONSOLE_EXPORT",
			ObservabilityProperties.PREFIX + ".tracing.console-export.enabled", "OBSERVABILITY_REDACTION_KEY",
			ObservabilityProperties.PREFIX + ".logging.redaction.key");

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (!OnObservabilityEnabledCondition.isEnabled(environment, ObservabilityProperties.PREFIX + ".enabled")) {
			return;
		}
		Map<String, Object> defaults = new LinkedHashMap<>();
		defaults.put("management.endpoints.web.exposure.include", "health,info,prometheus");
		defaults.put("management.endpoint.health.probes.enabled", "true");
		defaults.put("management.observations.long-task-timer.enabled", "true");
		// Micrometer turns exemplars on for every metric type, which puts them on the _count
		// of timers; OpenMetrics allows them only on counters and histogram buckets, and
		// Prometheus 2.x then rejects the whole scrape once tracing is on.
		defaults.put("management.prometheus.metrics.export.properties.io.prometheus.exporter.exemplarsOnAllMetricTypes",
				"false");
		// Boot's 2048 spans is two seconds of a busy service's spans: a batch processor worker
		// starved of CPU for that long drops spans. 8192 references cost 64 KB when empty.
		defaults.put("management.opentelemetry.tracing.export.max-queue-size", "8192");
		PropertySource<?> systemEnvironment = environment.getPropertySources()
			.get(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
		PLATFORM_VARIABLES.forEach((variable, property) -> {
			Object value = (systemEnvironment != null) ? systemEnvironment.getProperty(variable) : null;
			if (value != null && !value.toString().isBlank()) {
				defaults.put(property, value.toString().trim());
			}
		});
		environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE_NAME, defaults));
	}

	@Override
	public int getOrder() {
		// After config data, so that the switch set in application.yml is seen.
		return Ordered.LOWEST_PRECEDENCE;
	}

}
