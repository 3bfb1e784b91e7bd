package com.pyairtable.observability.testsupport;

import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import io.opentelemetry.proto.trace.v1.Span;

/**
 * A span as the {@link OtlpCollector} received it: ids in hex, attribute values as text,
 * and all of its strings in one text for searching.
 *
 * @param traceId the trace id, 32 hex digits
 * @param spanId the span id, 16 hex digits
 * @param parentSpanId the parent's span id, empty for a root
 * @param name the span name
 * @param startNanos the start time in Unix nanoseconds
 * @param attributes the attributes, string values as they are and others as protobuf text
 * @param events each event as its name, a space and its attributes
 * @param statusCode the status code number (0 unset, 1 ok, 2 error)
 * @param statusMessage the status message
 * @param text every string of the span: name, attributes (arrays and maps walked),
 * events, links, trace state and status message, one a line
 */
public record ReceivedSpan(String traceId, String spanId, String parentSpanId, String name, long startNanos,
		Map<String, String> attributes, List<String> events, int statusCode, String statusMessage, String text) {

	static ReceivedSpan of(Span span) {
		StringBuilder text = new StringBuilder(span.getName()).append('\n');
		OtlpText.append(text, span.getAttributesList());
		for (Span.Event event : span.getEventsList()) {
			text.append(event.getName()).append('\n');
			OtlpText.append(text, event.getAttributesList());
		}
		for (Span.Link link : span.getLinksList()) {
			text.append(link.getTraceState()).append('\n');
			OtlpText.append(text, link.getAttributesList());
		}
		text.append(span.getTraceState()).append('\n').append(span.getStatus().getMessage());
		List<String> events = span.getEventsList()
			.stream()
			.map((event) -> event.getName() + " " + OtlpText.attributes(event.getAttributesList()))
			.toList();
		return new ReceivedSpan(hex(span.getTraceId().toByteArray()), hex(span.getSpanId().toByteArray()),
				hex(span.getParentSpanId().toByteArray()), span.getName(), span.getStartTimeUnixNano(),
				OtlpText.attributes(span.getAttributesList()), events, span.getStatus().getCode().getNumber(),
				span.getStatus().getMessage(), text.toString());
	}

	/**
	 * The route of a server span, as Spring's HTTP observations record it.
	 * @return the {@code uri} attribute, empty when there is none
	 */
	public String uri() {
		return this.attributes.getOrDefault("uri", "");
	}

	private static String hex(byte[] bytes) {
		return HexFormat.of().formatHex(bytes);
	}

}
