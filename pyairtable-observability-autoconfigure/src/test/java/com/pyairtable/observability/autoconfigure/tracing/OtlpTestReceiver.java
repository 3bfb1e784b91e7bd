package com.pyairtable.observability.autoconfigure.tracing;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.zip.GZIPInputStream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;

/**
 * A real OTLP/HTTP receiver on 127.0.0.1 decoding the official protobuf messages.
 */
public final class OtlpTestReceiver implements AutoCloseable {

	private final HttpServer server;

	private final ConcurrentLinkedQueue<ReceivedSpan> spans = new ConcurrentLinkedQueue<>();

	private final ConcurrentLinkedQueue<Map<String, String>> resources = new ConcurrentLinkedQueue<>();

	private final ConcurrentLinkedQueue<ExportTraceServiceRequest> requests = new ConcurrentLinkedQueue<>();

	public OtlpTestReceiver() throws IOException {
		// As the other test servers do: the JDK server reads it once, when the first server
		// starts; without it every small response waits for a delayed ACK (~40 ms).
		System.setProperty("sun.net.httpserver.nodelay", "true");
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/v1/traces", this::handle);
		this.server.start();
	}

	public String baseUrl() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	public List<ReceivedSpan> spans() {
		return List.copyOf(this.spans);
	}

	List<Map<String, String>> resources() {
		return List.copyOf(this.resources);
	}

	/**
	 * Every request received, decoded: all of what left the process, links and arrays
	 * included.
	 * @return the requests
	 */
	public List<ExportTraceServiceRequest> requests() {
		return List.copyOf(this.requests);
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			InputStream body = exchange.getRequestBody();
			if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
				body = new GZIPInputStream(body);
			}
			ExportTraceServiceRequest request = ExportTraceServiceRequest.parseFrom(body.readAllBytes());
			this.requests.add(request);
			for (ResourceSpans resourceSpans : request.getResourceSpansList()) {
				this.resources.add(toMap(resourceSpans.getResource().getAttributesList()));
				for (ScopeSpans scopeSpans : resourceSpans.getScopeSpansList()) {
					for (io.opentelemetry.proto.trace.v1.Span span : scopeSpans.getSpansList()) {
						this.spans.add(new ReceivedSpan(hex(span.getTraceId().toByteArray()),
								hex(span.getSpanId().toByteArray()), hex(span.getParentSpanId().toByteArray()),
								span.getName(), toMap(span.getAttributesList()),
								span.getEventsList().stream().map((event) -> event.getName() + " "
										+ toMap(event.getAttributesList())).toList()));
					}
				}
			}
			byte[] response = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
			exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
			exchange.sendResponseHeaders(200, response.length);
			exchange.getResponseBody().write(response);
		}
	}

	private static String hex(byte[] bytes) {
		return HexFormat.of().formatHex(bytes);
	}

	private static Map<String, String> toMap(List<KeyValue> attributes) {
		Map<String, String> map = new LinkedHashMap<>();
		for (KeyValue attribute : attributes) {
			var value = attribute.getValue();
			map.put(attribute.getKey(), value.hasStringValue() ? value.getStringValue() : value.toString().trim());
		}
		return map;
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	public record ReceivedSpan(String traceId, String spanId, String parentSpanId, String name,
			Map<String, String> attributes, List<String> events) {

		public String uri() {
			return this.attributes.getOrDefault("uri", "");
		}

	}

}
