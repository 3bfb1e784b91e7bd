package com.pyairtable.observability.autoconfigure.otlp;

import java.net.URI;
import java.net.URISyntaxException;

import com.pyairtable.observability.autoconfigure.core.PropertyValues;
import org.jspecify.annotations.Nullable;

/**
 * OTLP/HTTP URLs derived from a collector base URL, as the OpenTelemetry specification
 * derives them from {@code OTEL_EXPORTER_OTLP_ENDPOINT}.
 */
final class OtlpEndpoints {

	private OtlpEndpoints() {
	}

	/**
	 * The signal's URL: {@code <base>/v1/<signal>} when the URL has no path, else as is.
	 */
	static String signalUrl(String endpoint, String signal) {
		String withoutScheme = endpoint.replaceFirst("^[a-zA-Z]+://", "");
		int slash = withoutScheme.indexOf('/');
		@Nullable String path = (slash >= 0) ? withoutScheme.substring(slash) : null;
		if (path == null || path.equals("/")) {
			return (endpoint.endsWith("/") ? endpoint : endpoint + "/") + "v1/" + signal;
		}
		return endpoint;
	}

	/**
	 * Checks that a value is an absolute http or https URL.
	 * @throws IllegalArgumentException naming the property otherwise
	 */
	static @Nullable String validate(String property, @Nullable String endpoint) {
		if (endpoint == null || endpoint.isBlank()) {
			return null;
		}
		String trimmed = endpoint.trim();
		try {
			URI uri = new URI(trimmed);
			if (("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
					&& uri.getHost() != null) {
				return trimmed;
			}
		}
		catch (URISyntaxException ex) {
			// Reported below.
		}
		throw new IllegalArgumentException(
				property + " must be an http:// or https:// URL such as http://otel-collector:4318, was '"
						+ PropertyValues.forMessage(endpoint) + "'");
	}

}
