package com.pyairtable.observability.benchmarks.receiver;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;

/**
 * Accepts OTLP/HTTP protobuf trace exports on {@code POST /v1/traces}, decodes them with
 * the official messages and counts spans; {@code GET /count} answers the total. Usage:
 * {@code java -jar load-receiver.jar [port]} (default 4318), bound to 127.0.0.1.
 */
public final class SpanCountingReceiver {

	private static final AtomicLong spans = new AtomicLong();

	private static final AtomicLong requests = new AtomicLong();

	private SpanCountingReceiver() {
	}

	public static void main(String[] args) throws IOException {
		int port = (args.length > 0) ? Integer.parseInt(args[0]) : 4318;
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 512);
		server.setExecutor(Executors.newFixedThreadPool(2));
		server.createContext("/v1/traces", SpanCountingReceiver::traces);
		server.createContext("/count",
				(exchange) -> answer(exchange, 200,
						("{\"spans\":" + spans.get() + ",\"requests\":" + requests.get() + "}")
							.getBytes(StandardCharsets.UTF_8),
						"application/json"));
		server.start();
		System.out.println("receiver listening on 127.0.0.1:" + port);
	}

	private static void traces(HttpExchange exchange) throws IOException {
		try (InputStream body = decoded(exchange)) {
			ExportTraceServiceRequest request = ExportTraceServiceRequest.parseFrom(body);
			long count = 0;
			for (ResourceSpans resourceSpans : request.getResourceSpansList()) {
				for (ScopeSpans scopeSpans : resourceSpans.getScopeSpansList()) {
					count += scopeSpans.getSpansCount();
				}
			}
			spans.addAndGet(count);
			requests.incrementAndGet();
			answer(exchange, 200, ExportTraceServiceResponse.getDefaultInstance().toByteArray(),
					"application/x-protobuf");
		}
		catch (IOException ex) {
			answer(exchange, 400, new byte[0], "text/plain");
		}
	}

	private static InputStream decoded(HttpExchange exchange) throws IOException {
		String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
		InputStream body = exchange.getRequestBody();
		return ("gzip".equalsIgnoreCase(encoding)) ? new GZIPInputStream(body) : body;
	}

	private static void answer(HttpExchange exchange, int status, byte[] body, String contentType) throws IOException {
		exchange.getResponseHeaders().set("Content-Type", contentType);
		exchange.sendResponseHeaders(status, (body.length == 0) ? -1 : body.length);
		if (body.length > 0) {
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		}
		exchange.close();
	}

}
