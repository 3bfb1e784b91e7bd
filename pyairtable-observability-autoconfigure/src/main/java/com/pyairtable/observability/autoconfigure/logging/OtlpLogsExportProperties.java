package com.pyairtable.observability.autoconfigure.logging;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import com.pyairtable.observability.autoconfigure.core.OtlpEndpoint;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * OTLP export of the application's log events (for Loki through a Collector), on top of
 * Spring Boot's {@code management.opentelemetry.logging.export.*} and OpenTelemetry's
 * Logback appender.
 */
@ConfigurationProperties(OtlpLogsExportProperties.PREFIX)
public class OtlpLogsExportProperties {

	/** Prefix of the OTLP logs properties. */
	public static final String PREFIX = "pyairtable.observability.logging.otlp";

	/** Whether log events are exported over OTLP/HTTP besides the console. */
	private boolean enabled;

	/** Collector base URL (/v1/logs is appended when it has no path) or full logs URL. */
	private @Nullable URI endpoint;

	/** Timeout of an export. */
	private Duration timeout = Duration.ofSeconds(10);

	/** Headers sent with every export, for example a tenant id or an authorization. */
	private Map<String, String> headers = new LinkedHashMap<>();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public @Nullable URI getEndpoint() {
		return this.endpoint;
	}

	public void setEndpoint(@Nullable URI endpoint) {
		this.endpoint = OtlpEndpoint.check(PREFIX + ".endpoint", endpoint);
	}

	public Duration getTimeout() {
		return this.timeout;
	}

	public void setTimeout(Duration timeout) {
		this.timeout = timeout;
	}

	public Map<String, String> getHeaders() {
		return this.headers;
	}

	public void setHeaders(Map<String, String> headers) {
		this.headers = headers;
	}

}
