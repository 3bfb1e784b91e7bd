package com.pyairtable.observability.autoconfigure.tracing;

import java.util.LinkedHashMap;
import java.util.Map;

import com.pyairtable.observability.autoconfigure.core.ObservabilityProperties;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Maps {@code pyairtable.observability.tracing.export.*} onto Spring Boot's own OTLP
 * properties ({@code management.opentelemetry.tracing.export.otlp.*}) at the lowest
 * precedence, so that Boot still builds the exporter and that Boot's own keys and the
 * standard {@code OTEL_EXPORTER_OTLP_*} variables (mapped by Boot at the highest
 * precedence) win. Also silences the SDK exporters' per-batch error logging, replaced by
 * one rate-limited warning.
 */
public class TracingExportEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	/** Name of the property source holding the mapped keys. */
	public static final String PROPERTY_SOURCE_NAME = "pyairtableObservabilityTracingExport";

	static final String BOOT_PREFIX = "management.opentelemetry.tracing.export.otlp.";

	private static final String PREFIX = ObservabilityTracingProperties.PREFIX + ".export.";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (!isEnabled(environment)) {
			return;
		}
		Map<String, Object> mapped = new LinkedHashMap<>();
		// The SDK logs every failed batch through java.util.logging; we log once a minute.
		mapped.put("logging.level.io.opentelemetry.exporter.internal", "off");
		// @Observed works out of the box when AspectJ is present (the starter brings it).
		mapped.put("management.observations.annotations.enabled", "true");
		String protocol = environment.getProperty(PREFIX + "protocol", "http/protobuf").trim();
		boolean grpc = protocol.equalsIgnoreCase("grpc");
		String endpoint = environment.getProperty(PREFIX + "endpoint");
		if (endpoint != null && !endpoint.isBlank()) {
			mapped.put(BOOT_PREFIX + "endpoint", grpc ? endpoint.trim() : tracesUrl(endpoint.trim()));
		}
		mapped.put(BOOT_PREFIX + "transport", grpc ? "grpc" : "http");
		copy(environment, mapped, "timeout", "timeout");
		copy(environment, mapped, "compression", "compression");
		Binder.get(environment)
			.bind(PREFIX + "headers", Bindable.mapOf(String.class, String.class))
			.ifBound((headers) -> headers.forEach((name, value) -> mapped.put(BOOT_PREFIX + "headers." + name, value)));
		environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE_NAME, mapped));
	}

	private static boolean isEnabled(ConfigurableEnvironment environment) {
		return environment.getProperty(ObservabilityProperties.PREFIX + ".enabled", Boolean.class, true)
				&& environment.getProperty(ObservabilityTracingProperties.PREFIX + ".enabled", Boolean.class, true);
	}

	private static void copy(ConfigurableEnvironment environment, Map<String, Object> mapped, String ours,
			String boots) {
		String value = environment.getProperty(PREFIX + ours);
		if (value != null) {
			mapped.put(BOOT_PREFIX + boots, value.trim());
		}
	}

	/**
	 * The OTLP/HTTP traces URL of a collector base URL, as the OpenTelemetry specification
	 * derives it from {@code OTEL_EXPORTER_OTLP_ENDPOINT}; a URL that already has a path is
	 * kept.
	 */
	static String tracesUrl(String endpoint) {
		String withoutScheme = endpoint.replaceFirst("^[a-zA-Z]+://", "");
		int slash = withoutScheme.indexOf('/');
		@Nullable String path = (slash >= 0) ? withoutScheme.substring(slash) : null;
		if (path == null || path.equals("/")) {
			return (endpoint.endsWith("/") ? endpoint : endpoint + "/") + "v1/traces";
		}
		return endpoint;
	}

	@Override
	public int getOrder() {
		// After config data, so that the user's keys are visible.
		return Ordered.LOWEST_PRECEDENCE;
	}

}
