package com.pyairtable.observability.autoconfigure.metrics;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import com.pyairtable.observability.autoconfigure.core.OtlpEndpoint;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * OTLP push of every meter (for Mimir), on top of Spring Boot's
 * {@code management.otlp.metrics.export.*}.
 */
@ConfigurationProperties(OtlpMetricsExportProperties.PREFIX)
public class OtlpMetricsExportProperties {

	/** Prefix of the OTLP metrics properties. */
	public static final String PREFIX = "pyairtable.observability.metrics.otlp";

	/** Whether meters are pushed over OTLP/HTTP besides the Prometheus scrape. */
	private boolean enabled;

	/**
	 * Collector base URL (/v1/metrics is appended when it has no path) or full metrics
	 * URL.
	 */
	private @Nullable URI endpoint;

	/** How often meters are pushed. */
	private Duration step = Duration.ofSeconds(30);

	/** Read timeout of a push. */
	private Duration timeout = Duration.ofSeconds(10);

	/** Headers sent with every push, for example a tenant id or an authorization. */
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

	public Duration getStep() {
		return this.step;
	}

	public void setStep(Duration step) {
		if (step.isNegative() || step.isZero()) {
			throw new IllegalArgumentException(PREFIX + ".step must be positive, was " + step);
		}
		this.step = step;
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
