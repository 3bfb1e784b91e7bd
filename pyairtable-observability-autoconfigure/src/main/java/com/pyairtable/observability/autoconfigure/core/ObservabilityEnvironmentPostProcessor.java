package com.pyairtable.observability.autoconfigure.core;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import com.pyairtable.observability.core.ServiceIdentity;
import com.pyairtable.observability.health.HealthStatuses;
import com.pyairtable.observability.logging.PlatformJsonLogFormatter;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.handler.IgnoreErrorsBindHandler;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.util.ClassUtils;

/**
 * The starter's defaults for other libraries' keys (the actuator's exposure and probes,
 * Boot's health status order, OTLP metrics export, the JSON console format, the
 * OpenTelemetry exporters' logging) and the platform's environment variables, as the
 * property source of lowest precedence, the way Spring Boot's devtools adds its defaults:
 * any key the application sets, in any source, wins.
 * <p>
 * The one exception is {@code pyairtable.observability.ops-kit.write-to}: an application
 * started to write the ops kit runs without a web server and banner whatever else it
 * says, so that switch is a source of highest precedence.
 */
public class ObservabilityEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	/** Name of the property source holding the defaults. */
	public static final String PROPERTY_SOURCE_NAME = "pyairtableObservabilityDefaults";

	/** Name of the property source that turns the web server off to write the ops kit. */
	public static final String OPS_KIT_WRITE_PROPERTY_SOURCE_NAME = "pyairtableOpsKitWrite";

	static final String CONSOLE_FORMAT = "logging.structured.format.console";

	static final String STATUS_ORDER = "management.endpoint.health.status.order";

	static final String HTTP_MAPPING = "management.endpoint.health.status.http-mapping.";

	static final String OTLP_METRICS = "management.otlp.metrics.export.";

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

	// Keys of other features' properties classes, which this package cannot import
	// without a package cycle; read with the Binder, as the classes bind them.
	private static final String OPS_KIT_WRITE_TO = ObservabilityProperties.PREFIX + ".ops-kit.write-to";

	private static final String LOGGING_FORMAT = ObservabilityProperties.PREFIX + ".logging.format";

	private static final String METRICS_OTLP_ENABLED = ObservabilityProperties.PREFIX + ".metrics.otlp.enabled";

	private static final boolean LOGBACK_PRESENT = ClassUtils.isPresent("ch.qos.logback.classic.spi.ILoggingEvent",
			ObservabilityEnvironmentPostProcessor.class.getClassLoader());

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String writeTo = Binder.get(environment).bind(OPS_KIT_WRITE_TO, String.class).orElse("");
		if (!writeTo.isBlank()) {
			environment.getPropertySources()
				.addFirst(new MapPropertySource(OPS_KIT_WRITE_PROPERTY_SOURCE_NAME,
						Map.of("spring.main.web-application-type", "none", "spring.main.banner-mode", "off")));
		}
		Map<String, Object> defaults = new LinkedHashMap<>(platformVariables(environment));
		environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE_NAME, Map.copyOf(defaults)));
		// Bound once, with the platform's variables visible; a value the properties
		// reject
		// is left at its default here and fails startup, with its message, when the
		// context binds it.
		Binder binder = Binder.get(environment);
		ObservabilityProperties properties = binder
			.bind(ObservabilityProperties.PREFIX, Bindable.of(ObservabilityProperties.class),
					new IgnoreErrorsBindHandler())
			.orElseGet(ObservabilityProperties::new);
		if (!properties.isEnabled()) {
			environment.getPropertySources().remove(PROPERTY_SOURCE_NAME);
			return;
		}
		actuatorDefaults(defaults);
		if (ObservabilityFeatures.isEnabled(environment, "tracing")) {
			tracingDefaults(defaults);
		}
		metricsExportDefaults(binder, defaults);
		if (ObservabilityFeatures.isEnabled(environment, "health")) {
			healthDefaults(defaults);
		}
		if (LOGBACK_PRESENT && ObservabilityFeatures.isEnabled(environment, "logging")
				&& isJson(binder, properties.getService().getEnvironment())) {
			defaults.put(CONSOLE_FORMAT, PlatformJsonLogFormatter.class.getName());
		}
		// A new source rather than a changed one: property sources seen by a Binder are
		// not expected to change under it.
		environment.getPropertySources()
			.replace(PROPERTY_SOURCE_NAME, new MapPropertySource(PROPERTY_SOURCE_NAME, defaults));
	}

	private static Map<String, Object> platformVariables(ConfigurableEnvironment environment) {
		Map<String, Object> values = new LinkedHashMap<>();
		PropertySource<?> systemEnvironment = environment.getPropertySources()
			.get(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
		PLATFORM_VARIABLES.forEach((variable, property) -> {
			Object value = (systemEnvironment != null) ? systemEnvironment.getProperty(variable) : null;
			if (value != null && !value.toString().isBlank()) {
				values.put(property, value.toString().trim());
			}
		});
		return values;
	}

	private static void actuatorDefaults(Map<String, Object> defaults) {
		defaults.put("management.endpoints.web.exposure.include", "health,info,prometheus");
		defaults.put("management.endpoint.health.probes.enabled", "true");
		defaults.put("management.observations.long-task-timer.enabled", "true");
		// Micrometer turns exemplars on for every metric type, which puts them on the
		// _count
		// of timers; OpenMetrics allows them only on counters and histogram buckets, and
		// Prometheus 2.x then rejects the whole scrape once tracing is on.
		defaults.put("management.prometheus.metrics.export.properties.io.prometheus.exporter.exemplarsOnAllMetricTypes",
				"false");
		// Boot's 2048 spans is two seconds of a busy service's spans: a batch processor
		// worker
		// starved of CPU for that long drops spans. 8192 references cost 64 KB when
		// empty.
		defaults.put("management.opentelemetry.tracing.export.max-queue-size", "8192");
	}

	private static void tracingDefaults(Map<String, Object> defaults) {
		// The SDK logs every failed batch through java.util.logging; the starter logs a
		// rate-limited warning instead.
		defaults.put("logging.level.io.opentelemetry.exporter.internal", "off");
		// @Observed works out of the box when AspectJ is present (the starter brings it).
		defaults.put("management.observations.annotations.enabled", "true");
	}

	private static void metricsExportDefaults(Binder binder, Map<String, Object> defaults) {
		// Off unless switched on: Boot would otherwise push metrics to localhost:4318 as
		// soon as micrometer-registry-otlp is present.
		boolean enabled = binder.bind(METRICS_OTLP_ENABLED, Boolean.class).orElse(false);
		defaults.put(OTLP_METRICS + "enabled", String.valueOf(enabled));
		if (enabled) {
			// Seconds, as in the Prometheus scrape: Mimir then names timers *_seconds
			// too.
			defaults.put(OTLP_METRICS + "base-time-unit", "seconds");
		}
	}

	private static void healthDefaults(Map<String, Object> defaults) {
		// DEGRADED between OUT_OF_SERVICE and UP, served with 200. A mapping set at all
		// replaces Boot's defaults, so they are repeated here.
		defaults.put(STATUS_ORDER, String.join(",", HealthStatuses.ORDER));
		defaults.put(HTTP_MAPPING + "DOWN", "503");
		defaults.put(HTTP_MAPPING + "OUT_OF_SERVICE", "503");
		defaults.put(HTTP_MAPPING + HealthStatuses.DEGRADED.getCode(), "200");
	}

	/**
	 * JSON when {@code pyairtable.observability.logging.format} says so, or when it is
	 * unset outside the development environment. A value other than json or text is left
	 * for the logging properties to reject.
	 */
	private static boolean isJson(Binder binder, String serviceEnvironment) {
		String format = binder.bind(LOGGING_FORMAT, String.class)
			.map((value) -> value.trim().toLowerCase(Locale.ROOT))
			.orElse("");
		if (!format.isEmpty()) {
			return format.equals("json");
		}
		return !serviceEnvironment.equals(ServiceIdentity.DEFAULT_ENVIRONMENT);
	}

	@Override
	public int getOrder() {
		// After config data, so that the keys set in application.yml are seen.
		return Ordered.LOWEST_PRECEDENCE;
	}

}
