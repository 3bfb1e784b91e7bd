package com.pyairtable.observability.sample.reliability;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;

import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;

/**
 * An OTLP/HTTP collector on one fixed loopback port whose behaviour can be switched while
 * the application exports to it: refusing connections (nothing listens on the port),
 * black-holing them (accepted, never read or answered), or answering each export with the
 * next status of a schedule (then a default status), optionally after a delay. Written on a
 * plain {@link ServerSocket} so that the port can be closed and bound again and accepted
 * connections held open without an answer, which an HTTP server library does not allow.
 * Request bodies are decoded with the official {@code opentelemetry-proto} messages.
 */
final class FakeCollector implements AutoCloseable {

	enum Mode {

		/** Nothing listens: connections are refused. */
		REFUSE,

		/** Connections are accepted and never answered. */
		BLACK_HOLE,

		/** Exports are answered. */
		ANSWER

	}

	private final int port;

	private final Object lock = new Object();

	private ServerSocket server;

	private volatile Mode mode = Mode.REFUSE;

	private final Deque<Integer> schedule = new ArrayDeque<>();

	private volatile int defaultStatus = 200;

	private volatile Duration answerDelay = Duration.ZERO;

	private final Set<Socket> connections = ConcurrentHashMap.newKeySet();

	private final ConcurrentLinkedQueue<ReceivedSpan> spans = new ConcurrentLinkedQueue<>();

	private final ConcurrentLinkedQueue<Integer> answered = new ConcurrentLinkedQueue<>();

	private final ConcurrentLinkedQueue<Long> blackHoleHoldMillis = new ConcurrentLinkedQueue<>();

	private final AtomicInteger receivedSpanCount = new AtomicInteger();

	private final AtomicInteger threads = new AtomicInteger();

	FakeCollector() {
		this.port = portBelowEphemeralRange();
	}

	/**
	 * A free port below Linux's ephemeral range (32768-60999), so that no outgoing
	 * connection takes it while the collector is refusing and it can always be bound again.
	 */
	private static int portBelowEphemeralRange() {
		for (int attempt = 0; attempt < 200; attempt++) {
			int candidate = 20_000 + java.util.concurrent.ThreadLocalRandom.current().nextInt(12_000);
			try (ServerSocket probe = new ServerSocket(candidate, 1, InetAddress.getLoopbackAddress())) {
				return probe.getLocalPort();
			}
			catch (IOException ex) {
				// Taken: try another.
			}
		}
		throw new IllegalStateException("No free port between 20000 and 32000");
	}

	String endpoint() {
		return "http://127.0.0.1:" + this.port;
	}

	int port() {
		return this.port;
	}

	/** Switches mode; leaving a listening mode closes the port and every open connection. */
	void mode(Mode mode) {
		synchronized (this.lock) {
			if (mode == this.mode) {
				return;
			}
			closeServer();
			this.mode = mode;
			if (mode != Mode.REFUSE) {
				openServer();
			}
		}
	}

	/** Answers the next exports with these statuses, then with the default status. */
	void schedule(Integer... statuses) {
		synchronized (this.schedule) {
			this.schedule.addAll(List.of(statuses));
		}
	}

	void defaultStatus(int status) {
		this.defaultStatus = status;
	}

	void answerDelay(Duration delay) {
		this.answerDelay = delay;
	}

	List<ReceivedSpan> spans() {
		return List.copyOf(this.spans);
	}

	int receivedSpanCount() {
		return this.receivedSpanCount.get();
	}

	/** Statuses answered so far, in order. */
	List<Integer> answered() {
		return List.copyOf(this.answered);
	}

	/** How long each black-holed connection was held before the exporter gave up on it. */
	List<Long> blackHoleHoldMillis() {
		return List.copyOf(this.blackHoleHoldMillis);
	}

	void clear() {
		this.spans.clear();
		this.answered.clear();
		this.blackHoleHoldMillis.clear();
		this.receivedSpanCount.set(0);
	}

	private void openServer() {
		try {
			ServerSocket socket = new ServerSocket();
			socket.setReuseAddress(true);
			// Closed connections of the previous mode may hold the port for a moment.
			long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
			while (true) {
				try {
					socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), this.port), 50);
					break;
				}
				catch (java.net.BindException ex) {
					if (System.nanoTime() > deadline) {
						throw ex;
					}
					java.util.concurrent.locks.LockSupport.parkNanos(20_000_000);
				}
			}
			this.server = socket;
			Mode opened = this.mode;
			Thread acceptor = new Thread(() -> accept(socket, opened), "fake-collector-accept");
			acceptor.setDaemon(true);
			acceptor.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void closeServer() {
		if (this.server != null) {
			try {
				this.server.close();
			}
			catch (IOException ex) {
				// Closing: nothing to do.
			}
			this.server = null;
		}
		for (Socket connection : this.connections) {
			try {
				connection.close();
			}
			catch (IOException ex) {
				// Closing: nothing to do.
			}
		}
		this.connections.clear();
	}

	private void accept(ServerSocket socket, Mode mode) {
		while (!socket.isClosed()) {
			try {
				Socket connection = socket.accept();
				this.connections.add(connection);
				Thread handler = new Thread(() -> serve(connection, mode),
						"fake-collector-" + this.threads.incrementAndGet());
				handler.setDaemon(true);
				handler.start();
			}
			catch (IOException ex) {
				return;
			}
		}
	}

	private void serve(Socket connection, Mode mode) {
		try (connection) {
			if (mode == Mode.BLACK_HOLE) {
				long start = System.nanoTime();
				InputStream in = connection.getInputStream();
				// Reads and discards until the exporter closes the connection; never answers.
				byte[] buffer = new byte[8192];
				try {
					while (in.read(buffer) >= 0) {
						// discard
					}
					this.blackHoleHoldMillis.add((System.nanoTime() - start) / 1_000_000);
				}
				catch (SocketException ex) {
					if (this.connections.contains(connection)) {
						this.blackHoleHoldMillis.add((System.nanoTime() - start) / 1_000_000);
					}
				}
				return;
			}
			InputStream in = connection.getInputStream();
			OutputStream out = connection.getOutputStream();
			while (true) {
				Request request = readRequest(in);
				if (request == null) {
					return;
				}
				int status = nextStatus();
				if (status == 200) {
					decode(request);
				}
				long delay = this.answerDelay.toMillis();
				if (delay > 0) {
					Thread.sleep(delay);
				}
				byte[] body = (status == 200) ? ExportTraceServiceResponse.getDefaultInstance().toByteArray()
						: new byte[0];
				String head = "HTTP/1.1 " + status + " " + reason(status) + "\r\nContent-Type: application/x-protobuf\r\n"
						+ "Content-Length: " + body.length + "\r\n\r\n";
				out.write(head.getBytes(StandardCharsets.US_ASCII));
				out.write(body);
				out.flush();
				this.answered.add(status);
			}
		}
		catch (IOException ex) {
			// The exporter or the test closed the connection.
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		finally {
			this.connections.remove(connection);
		}
	}

	private int nextStatus() {
		synchronized (this.schedule) {
			Integer next = this.schedule.poll();
			return (next != null) ? next : this.defaultStatus;
		}
	}

	private void decode(Request request) throws IOException {
		byte[] body = request.body;
		if (request.gzip) {
			body = new GZIPInputStream(new java.io.ByteArrayInputStream(body)).readAllBytes();
		}
		ExportTraceServiceRequest export = ExportTraceServiceRequest.parseFrom(body);
		for (ResourceSpans resourceSpans : export.getResourceSpansList()) {
			for (ScopeSpans scopeSpans : resourceSpans.getScopeSpansList()) {
				for (Span span : scopeSpans.getSpansList()) {
					this.receivedSpanCount.incrementAndGet();
					this.spans.add(new ReceivedSpan(HexFormat.of().formatHex(span.getTraceId().toByteArray()),
							span.getName(), attributes(span), span.getStatus().getCode().getNumber(),
							span.getEventsList().stream().map((event) -> event.getName() + " " + event.getAttributesList()).toList(),
							span.getStatus().getMessage()));
				}
			}
		}
	}

	private static String attributes(Span span) {
		StringBuilder text = new StringBuilder();
		for (KeyValue attribute : span.getAttributesList()) {
			var value = attribute.getValue();
			text.append(attribute.getKey()).append('=')
				.append(value.hasStringValue() ? value.getStringValue() : value.toString().trim())
				.append(';');
		}
		return text.toString();
	}

	private static String reason(int status) {
		return switch (status) {
			case 200 -> "OK";
			case 400 -> "Bad Request";
			case 503 -> "Service Unavailable";
			default -> "Status";
		};
	}

	/** Reads one HTTP/1.1 request (Content-Length or chunked body); null at end of stream. */
	private static Request readRequest(InputStream in) throws IOException {
		String line = readLine(in);
		if (line == null) {
			return null;
		}
		int contentLength = 0;
		boolean chunked = false;
		boolean gzip = false;
		String header;
		while ((header = readLine(in)) != null && !header.isEmpty()) {
			String lower = header.toLowerCase(Locale.ROOT);
			if (lower.startsWith("content-length:")) {
				contentLength = Integer.parseInt(header.substring(15).trim());
			}
			else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
				chunked = true;
			}
			else if (lower.startsWith("content-encoding:") && lower.contains("gzip")) {
				gzip = true;
			}
		}
		if (header == null) {
			return null;
		}
		byte[] body;
		if (chunked) {
			ByteArrayOutputStream collected = new ByteArrayOutputStream();
			while (true) {
				String size = readLine(in);
				int length = Integer.parseInt(size.split(";")[0].trim(), 16);
				if (length == 0) {
					readLine(in);
					break;
				}
				collected.write(in.readNBytes(length));
				readLine(in);
			}
			body = collected.toByteArray();
		}
		else {
			body = in.readNBytes(contentLength);
		}
		return new Request(line, body, gzip);
	}

	private static String readLine(InputStream in) throws IOException {
		StringBuilder line = new StringBuilder();
		int c;
		while ((c = in.read()) >= 0) {
			if (c == '\n') {
				int last = line.length() - 1;
				if (last >= 0 && line.charAt(last) == '\r') {
					line.setLength(last);
				}
				return line.toString();
			}
			line.append((char) c);
		}
		return (line.length() > 0) ? line.toString() : null;
	}

	@Override
	public void close() {
		synchronized (this.lock) {
			closeServer();
			this.mode = Mode.REFUSE;
		}
	}

	private record Request(String line, byte[] body, boolean gzip) {
	}

	record ReceivedSpan(String traceId, String name, String attributes, int statusCode, List<String> events,
			String statusMessage) {

		@Override
		public String toString() {
			return this.name + " " + this.attributes + " " + this.events + " " + this.statusMessage;
		}

	}

}
