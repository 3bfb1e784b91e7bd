package com.pyairtable.observability.autoconfigure.otlp;

import java.util.LinkedHashMap;
import java.util.Map;

import com.pyairtable.observability.autoconfigure.core.ObservabilityProperties;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Maps {@code pyairtable.observability.metrics.otlp.*} and
 * {@code pyairtable.observability.logging.otlp.*} onto Spring Boot's own keys at the lowest
 * precedence, so that Boot builds the OTLP meter registry and log exporter and that Boot's
 * keys set by the application still win. Both are off unless switched on: Boot would
 * otherwise push metrics to localhost:4318 as soon as micrometer-registry-otlp is present.
 */
public class OtlpExportEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	/** Name of the property source holding the mapped keys. */
	public static final String PROPERTY_SOURCE_NAME = "pyairtableObservabilityOtlpExport";

	static final String BOOT_METRICS = "management.otlp.metrics.export.";

	static final String BOOT_LOGS = "management.opentelemetry.logging.export.otlp.";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (!environment.getProperty(ObservabilityProperties.PREFIX + ".enabled", Boolean.class, true)) {
			return;
		}
		Map<String, Object> mapped = new LinkedHashMap<>();
		mapMetrics(environment, mapped);
		mapLogs(environment, mapped);
		environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE_NAME, mapped));
	}

	private static void mapMetrics(ConfigurableEnvironment environment, Map<String, Object> mapped) {
		String prefix = OtlpMetricsExportProperties.PREFIX + ".";
		boolean enabled = environment.getProperty(prefix + "enabled", Boolean.class, false);
		mapped.put(BOOT_METRICS + "enabled", enabled);
		if (!enabled) {
			return;
		}
		// Seconds, as in the Prometheus scrape: Mimir then names timers *_seconds too.
		mapped.put(BOOT_METRICS + "base-time-unit", "seconds");
		String endpoint = OtlpEndpoints.validate(prefix + "endpoint", environment.getProperty(prefix + "endpoint"));
		if (endpoint != null) {
			mapped.put(BOOT_METRICS + "url", OtlpEndpoints.signalUrl(endpoint, "metrics"));
		}
		mapped.put(BOOT_METRICS + "step", environment.getProperty(prefix + "step", "30s"));
		mapped.put(BOOT_METRICS + "read-timeout", environment.getProperty(prefix + "timeout", "10s"));
		headers(environment, prefix + "headers", BOOT_METRICS + "headers.", mapped);
	}

	private static void mapLogs(ConfigurableEnvironment environment, Map<String, Object> mapped) {
		String prefix = OtlpLogsExportProperties.PREFIX + ".";
		if (!environment.getProperty(prefix + "enabled", Boolean.class, false)) {
			return;
		}
		String endpoint = OtlpEndpoints.validate(prefix + "endpoint", environment.getProperty(prefix + "endpoint"));
		mapped.put(BOOT_LOGS + "endpoint",
				OtlpEndpoints.signalUrl((endpoint != null) ? endpoint : "http://localhost:4318", "logs"));
		mapped.put(BOOT_LOGS + "transport", "http");
		mapped.put(BOOT_LOGS + "timeout", environment.getProperty(prefix + "timeout", "10s"));
		headers(environment, prefix + "headers", BOOT_LOGS + "headers.", mapped);
	}

	private static void headers(ConfigurableEnvironment environment, String ours, String boots,
			Map<String, Object> mapped) {
		Binder.get(environment)
			.bind(ours, Bindable.mapOf(String.class, String.class))
			.ifBound((headers) -> headers.forEach((name, value) -> mapped.put(boots + name, value)));
	}

	@Override
	public int getOrder() {
		// After config data, so that the application's keys are visible.
		return Ordered.LOWEST_PRECEDENCE;
	}

}
