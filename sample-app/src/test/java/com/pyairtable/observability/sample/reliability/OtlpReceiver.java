package com.pyairtable.observability.sample.reliability;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;

/**
 * An OTLP/HTTP receiver on loopback that answers every export with 200 and keeps every
 * string the service sent: span names, all attributes (arrays and maps walked), events,
 * links, status messages, scopes and resources, and log records. Decoded with the official
 * {@code opentelemetry-proto} messages.
 */
final class OtlpReceiver implements AutoCloseable {

	/** A received span: ids and timing for the sampling checks, all its text for the search. */
	record ReceivedSpan(String traceId, String parentSpanId, String name, long startNanos, String text) {
	}

	private final HttpServer server;

	private final List<ReceivedSpan> spans = new CopyOnWriteArrayList<>();

	private final List<String> resources = new CopyOnWriteArrayList<>();

	private final List<String> logRecords = new CopyOnWriteArrayList<>();

	OtlpReceiver() {
		try {
			this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.createContext("/v1/traces", (exchange) -> answer(exchange, this::traces));
		this.server.createContext("/v1/logs", (exchange) -> answer(exchange, this::logs));
		this.server.createContext("/", (exchange) -> answer(exchange, (body) -> {
		}));
		this.server.start();
	}

	String endpoint() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	List<ReceivedSpan> spans() {
		return List.copyOf(this.spans);
	}

	/** The text of each exported resource and scope block. */
	List<String> resources() {
		return List.copyOf(this.resources);
	}

	List<String> logRecords() {
		return List.copyOf(this.logRecords);
	}

	private interface Decoder {

		void decode(byte[] body) throws IOException;

	}

	private static void answer(HttpExchange exchange, Decoder decoder) throws IOException {
		try (InputStream in = exchange.getRequestBody()) {
			byte[] body = in.readAllBytes();
			if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
				body = new GZIPInputStream(new ByteArrayInputStream(body)).readAllBytes();
			}
			decoder.decode(body);
			exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
			exchange.sendResponseHeaders(200, -1);
		}
		catch (IOException | RuntimeException ex) {
			exchange.sendResponseHeaders(400, -1);
		}
		finally {
			exchange.close();
		}
	}

	private void traces(byte[] body) throws IOException {
		ExportTraceServiceRequest export = ExportTraceServiceRequest.parseFrom(body);
		for (ResourceSpans resourceSpans : export.getResourceSpansList()) {
			StringBuilder resource = new StringBuilder();
			append(resource, resourceSpans.getResource().getAttributesList());
			for (ScopeSpans scopeSpans : resourceSpans.getScopeSpansList()) {
				resource.append(scopeSpans.getScope().getName()).append('\n');
				append(resource, scopeSpans.getScope().getAttributesList());
				for (Span span : scopeSpans.getSpansList()) {
					StringBuilder text = new StringBuilder(span.getName()).append('\n');
					append(text, span.getAttributesList());
					for (Span.Event event : span.getEventsList()) {
						text.append(event.getName()).append('\n');
						append(text, event.getAttributesList());
					}
					for (Span.Link link : span.getLinksList()) {
						text.append(link.getTraceState()).append('\n');
						append(text, link.getAttributesList());
					}
					text.append(span.getTraceState()).append('\n').append(span.getStatus().getMessage());
					this.spans.add(new ReceivedSpan(HexFormat.of().formatHex(span.getTraceId().toByteArray()),
							HexFormat.of().formatHex(span.getParentSpanId().toByteArray()), span.getName(),
							span.getStartTimeUnixNano(), text.toString()));
				}
			}
			this.resources.add(resource.toString());
		}
	}

	private void logs(byte[] body) throws IOException {
		ExportLogsServiceRequest export = ExportLogsServiceRequest.parseFrom(body);
		for (ResourceLogs resourceLogs : export.getResourceLogsList()) {
			StringBuilder resource = new StringBuilder();
			append(resource, resourceLogs.getResource().getAttributesList());
			this.resources.add(resource.toString());
			for (ScopeLogs scopeLogs : resourceLogs.getScopeLogsList()) {
				for (LogRecord record : scopeLogs.getLogRecordsList()) {
					StringBuilder text = new StringBuilder(record.getSeverityText()).append('\n');
					append(text, record.getBody());
					append(text, record.getAttributesList());
					this.logRecords.add(text.toString());
				}
			}
		}
	}

	private static void append(StringBuilder text, List<KeyValue> attributes) {
		for (KeyValue attribute : attributes) {
			text.append(attribute.getKey()).append('=');
			append(text, attribute.getValue());
		}
	}

	/** Every string inside a value, arrays and maps included, one a line. */
	private static void append(StringBuilder text, AnyValue value) {
		switch (value.getValueCase()) {
			case STRING_VALUE -> text.append(value.getStringValue()).append('\n');
			case ARRAY_VALUE -> {
				List<String> items = new ArrayList<>();
				value.getArrayValue().getValuesList().forEach((item) -> {
					StringBuilder one = new StringBuilder();
					append(one, item);
					items.add(one.toString());
				});
				text.append(String.join("", items));
			}
			case KVLIST_VALUE -> append(text, value.getKvlistValue().getValuesList());
			case BYTES_VALUE -> text.append(value.getBytesValue().toString(StandardCharsets.UTF_8)).append('\n');
			default -> text.append(value.toString().trim()).append('\n');
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
