package com.pyairtable.observability.autoconfigure.core;

import java.net.URI;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;

/**
 * A collector endpoint as the starter's OTLP properties take it: checked when bound, and
 * turned into a signal's OTLP/HTTP URL the way the OpenTelemetry specification derives
 * one from {@code OTEL_EXPORTER_OTLP_ENDPOINT}. Shared by the export of traces, metrics
 * and logs.
 */
public final class OtlpEndpoint {

	/** Collector base URL used by the log export when no endpoint is set. */
	public static final URI DEFAULT_HTTP = URI.create("http://localhost:4318");

	private OtlpEndpoint() {
	}

	/**
	 * Checks that an endpoint is an absolute http or https URL with a host.
	 * @param key the full property key, for the message
	 * @param endpoint the bound endpoint
	 * @return the endpoint, {@code null} when unset or blank
	 * @throws IllegalArgumentException naming the key otherwise
	 */
	public static @Nullable URI check(String key, @Nullable URI endpoint) {
		if (endpoint == null || endpoint.toString().isBlank()) {
			return null;
		}
		String scheme = endpoint.getScheme();
		if (endpoint.isAbsolute() && endpoint.getHost() != null
				&& ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))) {
			return endpoint;
		}
		throw new IllegalArgumentException(
				key + " must be an http:// or https:// URL with a host, such as http://otel-collector:4318, was '"
						+ PropertyValues.forMessage(endpoint) + "'");
	}

	/**
	 * The OTLP/HTTP URL of a signal: {@code <base>/v1/<signal>} when the endpoint has no
	 * path, else the endpoint as it is.
	 * @param endpoint the collector endpoint
	 * @param signal the signal: {@code traces}, {@code metrics} or {@code logs}
	 * @return the URL
	 */
	public static String signalUrl(URI endpoint, String signal) {
		String url = endpoint.toString();
		String path = endpoint.getRawPath();
		if (path == null || path.isEmpty() || path.equals("/")) {
			return (url.endsWith("/") ? url : url + "/") + "v1/" + signal;
		}
		return url;
	}

	/**
	 * The SSL bundle that Boot's {@code ...ssl.bundle} key of a signal names, as Boot's
	 * own connection details look it up.
	 * @param name the bundle name, {@code null} or empty when unset
	 * @param sslBundles the application's bundles, if any
	 * @return the bundle, {@code null} when no name is set
	 */
	public static @Nullable SslBundle sslBundle(@Nullable String name, @Nullable SslBundles sslBundles) {
		if (name == null || name.isEmpty()) {
			return null;
		}
		if (sslBundles == null) {
			throw new IllegalStateException("SSL bundle name has been set but no SSL bundles found in context");
		}
		return sslBundles.getBundle(name);
	}

}
