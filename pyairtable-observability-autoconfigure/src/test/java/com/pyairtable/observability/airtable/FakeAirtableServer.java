package com.pyairtable.observability.airtable;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpServer;

/**
 * A local stand-in for the Airtable API on 127.0.0.1: answers 200 with an empty record
 * list, and 429 for the table {@code Throttled}.
 */
public final class FakeAirtableServer implements AutoCloseable {

	static {
		// Without TCP_NODELAY the JDK server's separate header and body writes meet the
		// client's delayed ACK: about 40 ms per call. Read once, when the first server
		// starts.
		System.setProperty("sun.net.httpserver.nodelay", "true");
	}

	private final HttpServer server;

	private final List<String> requests = new CopyOnWriteArrayList<>();

	public FakeAirtableServer() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/", (exchange) -> {
			String path = exchange.getRequestURI().getRawPath();
			this.requests.add(exchange.getRequestMethod() + " " + path);
			exchange.getRequestBody().readAllBytes();
			int status = path.contains("/Throttled") ? 429 : 200;
			byte[] body = ((status == 429) ? "{\"errors\":[{\"error\":\"RATE_LIMIT_REACHED\"}]}" : "{\"records\":[]}")
				.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(status, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		});
		this.server.setExecutor(Executors.newFixedThreadPool(4));
		this.server.start();
	}

	/**
	 * The base URL, such as {@code http://127.0.0.1:34567}.
	 * @return the URL
	 */
	public String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	/**
	 * The same server under another host name, which is not the configured API URL.
	 * @return the URL
	 */
	public String otherUrl() {
		return "http://localhost:" + this.server.getAddress().getPort();
	}

	public List<String> requests() {
		return this.requests;
	}

	@Override
	public void close() {
		this.server.stop(0);
		((java.util.concurrent.ExecutorService) this.server.getExecutor()).shutdownNow();
	}

}
