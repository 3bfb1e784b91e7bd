package com.pyairtable.observability.airtable;

import java.net.URI;
import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;

import org.springframework.web.util.UriUtils;

/**
 * An Airtable API call as the metrics see it: base, table and operation, never the record
 * id, the query or the token.
 *
 * @param base the base id, or {@code none}
 * @param table the table id or decoded name, or {@code none}
 * @param operation the operation
 */
public record AirtableRequest(String base, String table, AirtableOperation operation) {

	/**
	 * Parses a call to the Airtable API.
	 * @param apiUrl the API base URL, such as {@code https://api.airtable.com}
	 * @param method the HTTP method name
	 * @param uri the request URI
	 * @return the request, or {@code null} when the URI is not below {@code apiUrl}
	 */
	public static @Nullable AirtableRequest parse(String apiUrl, String method, URI uri) {
		String url = uri.toString();
		if (!url.startsWith(apiUrl)) {
			return null;
		}
		String rest = url.substring(apiUrl.length());
		if (!rest.isEmpty() && rest.charAt(0) != '/' && !apiUrl.endsWith("/")) {
			// https://api.airtable.com.evil.example is not the API
			return null;
		}
		int end = indexOfAny(rest, '?', '#');
		String path = (end >= 0) ? rest.substring(0, end) : rest;
		String[] segments = segments(path);
		if (segments.length < 1 || !"v0".equals(segments[0])) {
			return new AirtableRequest(AirtableMetricNames.NONE, AirtableMetricNames.NONE, AirtableOperation.OTHER);
		}
		if (segments.length >= 2 && "meta".equals(segments[1])) {
			String base = (segments.length >= 4 && "bases".equals(segments[2])) ? segments[3] : AirtableMetricNames.NONE;
			return new AirtableRequest(base, AirtableMetricNames.NONE, AirtableOperation.META);
		}
		if (segments.length >= 2 && "bases".equals(segments[1])) {
			String base = (segments.length >= 3) ? segments[2] : AirtableMetricNames.NONE;
			return new AirtableRequest(base, AirtableMetricNames.NONE, AirtableOperation.OTHER);
		}
		if (segments.length < 3) {
			String base = (segments.length == 2) ? segments[1] : AirtableMetricNames.NONE;
			return new AirtableRequest(base, AirtableMetricNames.NONE, AirtableOperation.OTHER);
		}
		String table = UriUtils.decode(segments[2], StandardCharsets.UTF_8);
		String record = (segments.length >= 4) ? segments[3] : null;
		return new AirtableRequest(segments[1], table, operation(method, record, segments.length));
	}

	private static AirtableOperation operation(String method, @Nullable String record, int segments) {
		if (segments > 4) {
			return AirtableOperation.OTHER;
		}
		return switch (method) {
			case "GET" -> (record != null) ? AirtableOperation.GET : AirtableOperation.LIST;
			case "POST" -> (record == null) ? AirtableOperation.CREATE
					: ("listRecords".equals(record) ? AirtableOperation.LIST : AirtableOperation.OTHER);
			case "PATCH" -> AirtableOperation.UPDATE;
			case "PUT" -> AirtableOperation.REPLACE;
			case "DELETE" -> AirtableOperation.DELETE;
			default -> AirtableOperation.OTHER;
		};
	}

	private static String[] segments(String path) {
		String trimmed = path;
		while (trimmed.startsWith("/")) {
			trimmed = trimmed.substring(1);
		}
		while (trimmed.endsWith("/")) {
			trimmed = trimmed.substring(0, trimmed.length() - 1);
		}
		return trimmed.isEmpty() ? new String[0] : trimmed.split("/");
	}

	private static int indexOfAny(String text, char a, char b) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == a || c == b) {
				return i;
			}
		}
		return -1;
	}

}
