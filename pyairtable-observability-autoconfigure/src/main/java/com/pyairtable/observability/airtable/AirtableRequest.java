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
		int from = apiUrl.length();
		if (from < url.length() && url.charAt(from) != '/' && !apiUrl.endsWith("/")) {
			// https://api.airtable.com.evil.example is not the API
			return null;
		}
		// Every call of the application passes here: the path is read in place, by
		// offsets,
		// and only the base and table become strings.
		int to = indexOfAny(url, from, '?', '#');
		while (from < to && url.charAt(from) == '/') {
			from++;
		}
		while (to > from && url.charAt(to - 1) == '/') {
			to--;
		}
		if (from == to || !segmentIs(url, from, segmentEnd(url, from, to), "v0")) {
			return new AirtableRequest(AirtableMetricNames.NONE, AirtableMetricNames.NONE, AirtableOperation.OTHER);
		}
		int end0 = segmentEnd(url, from, to);
		if (end0 == to) {
			return new AirtableRequest(AirtableMetricNames.NONE, AirtableMetricNames.NONE, AirtableOperation.OTHER);
		}
		int start1 = end0 + 1;
		int end1 = segmentEnd(url, start1, to);
		int start2 = (end1 < to) ? end1 + 1 : -1;
		int end2 = (start2 >= 0) ? segmentEnd(url, start2, to) : -1;
		int start3 = (start2 >= 0 && end2 < to) ? end2 + 1 : -1;
		int end3 = (start3 >= 0) ? segmentEnd(url, start3, to) : -1;
		boolean deeper = start3 >= 0 && end3 < to;
		if (segmentIs(url, start1, end1, "meta")) {
			String base = (start3 >= 0 && segmentIs(url, start2, end2, "bases")) ? url.substring(start3, end3)
					: AirtableMetricNames.NONE;
			return new AirtableRequest(base, AirtableMetricNames.NONE, AirtableOperation.META);
		}
		if (segmentIs(url, start1, end1, "bases")) {
			String base = (start2 >= 0) ? url.substring(start2, end2) : AirtableMetricNames.NONE;
			return new AirtableRequest(base, AirtableMetricNames.NONE, AirtableOperation.OTHER);
		}
		String base = url.substring(start1, end1);
		if (start2 < 0) {
			return new AirtableRequest(base, AirtableMetricNames.NONE, AirtableOperation.OTHER);
		}
		String table = UriUtils.decode(url.substring(start2, end2), StandardCharsets.UTF_8);
		return new AirtableRequest(base, table, operation(method, url, start3, end3, deeper));
	}

	private static AirtableOperation operation(String method, String url, int recordStart, int recordEnd,
			boolean deeper) {
		if (deeper) {
			return AirtableOperation.OTHER;
		}
		boolean record = recordStart >= 0;
		return switch (method) {
			case "GET" -> record ? AirtableOperation.GET : AirtableOperation.LIST;
			case "POST" -> !record ? AirtableOperation.CREATE : (segmentIs(url, recordStart, recordEnd, "listRecords")
					? AirtableOperation.LIST : AirtableOperation.OTHER);
			case "PATCH" -> AirtableOperation.UPDATE;
			case "PUT" -> AirtableOperation.REPLACE;
			case "DELETE" -> AirtableOperation.DELETE;
			default -> AirtableOperation.OTHER;
		};
	}

	private static int segmentEnd(String url, int start, int to) {
		int slash = url.indexOf('/', start);
		return (slash < 0 || slash > to) ? to : slash;
	}

	private static boolean segmentIs(String url, int start, int end, String name) {
		return end - start == name.length() && url.startsWith(name, start);
	}

	private static int indexOfAny(String text, int from, char a, char b) {
		for (int i = from; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == a || c == b) {
				return i;
			}
		}
		return text.length();
	}

}
