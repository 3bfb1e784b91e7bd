package com.pyairtable.observability.testsupport;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;

import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A local HTTP endpoint standing in for Sentry: accepts envelopes on
 * {@code /api/<project>/envelope/} and decodes their items (header line, then one item
 * header and one JSON payload line per item).
 */
public final class SentryStandIn implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpServer server;

	private final List<Item> items = new CopyOnWriteArrayList<>();

	/** Starts the stand-in on a free loopback port. */
	public SentryStandIn() {
		try {
			this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		this.server.createContext("/api/", (exchange) -> {
			try (InputStream in = exchange.getRequestBody()) {
				byte[] body = in.readAllBytes();
				if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
					body = new GZIPInputStream(new ByteArrayInputStream(body)).readAllBytes();
				}
				this.items.addAll(decode(new String(body, StandardCharsets.UTF_8)));
			}
			exchange.sendResponseHeaders(200, -1);
			exchange.close();
		});
		this.server.start();
	}

	/**
	 * The items of an envelope.
	 * @param envelope the envelope text
	 * @return its items
	 */
	public static List<Item> decode(String envelope) {
		List<Item> items = new ArrayList<>();
		String[] lines = envelope.split("\n");
		for (int i = 1; i + 1 < lines.length; i += 2) {
			JsonNode header = JSON.readTree(lines[i]);
			items.add(new Item(header.path("type").asString(), JSON.readTree(lines[i + 1])));
		}
		return items;
	}

	/**
	 * The DSN that points Sentry at this stand-in.
	 * @return the DSN
	 */
	public String dsn() {
		return "http://0123456789abcdef@127.0.0.1:" + this.server.getAddress().getPort() + "/42";
	}

	/**
	 * The items received so far.
	 * @return a copy of them
	 */
	public List<Item> items() {
		return List.copyOf(this.items);
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	/**
	 * One envelope item.
	 *
	 * @param type the item type ({@code event}, {@code transaction}, ...)
	 * @param payload its JSON payload
	 */
	public record Item(String type, JsonNode payload) {
	}

}
