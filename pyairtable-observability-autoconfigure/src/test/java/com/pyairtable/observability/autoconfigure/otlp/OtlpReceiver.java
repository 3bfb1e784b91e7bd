package com.pyairtable.observability.autoconfigure.otlp;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;

import com.sun.net.httpserver.HttpServer;

/**
 * A real OTLP/HTTP receiver on a loopback port: answers 200 to every POST and keeps the
 * raw protobuf bodies by path, for the tests to decode with the official messages.
 */
final class OtlpReceiver implements AutoCloseable {

	record Request(String path, byte[] body) {
	}

	private final HttpServer server;

	private final List<Request> requests = new CopyOnWriteArrayList<>();

	OtlpReceiver() {
		try {
			this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		this.server.createContext("/", (exchange) -> {
			try (InputStream in = exchange.getRequestBody()) {
				byte[] body = in.readAllBytes();
				if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
					body = new GZIPInputStream(new java.io.ByteArrayInputStream(body)).readAllBytes();
				}
				this.requests.add(new Request(exchange.getRequestURI().getPath(), body));
			}
			exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
			exchange.sendResponseHeaders(200, -1);
			exchange.close();
		});
		this.server.start();
	}

	String baseUrl() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	List<byte[]> bodies(String path) {
		return this.requests.stream().filter((request) -> request.path().equals(path)).map(Request::body).toList();
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
