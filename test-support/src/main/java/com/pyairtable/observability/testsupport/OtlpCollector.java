package com.pyairtable.observability.testsupport;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.zip.GZIPInputStream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import org.jspecify.annotations.Nullable;

/**
 * A real OTLP/HTTP collector on 127.0.0.1: takes trace, metric and log exports (protobuf,
 * gzipped or not) on {@code /v1/traces}, {@code /v1/metrics} and {@code /v1/logs},
 * decodes them with the official {@code opentelemetry-proto} messages and keeps them with
 * their headers. It answers 200 unless told otherwise: a schedule of statuses, a default
 * status, a delay before each answer, or a {@link Mode} that refuses connections or holds
 * them unanswered. Its port stays the same across modes, and lies below Linux's ephemeral
 * range (32768-60999) so that no outgoing connection takes it while it is closed.
 */
public final class OtlpCollector implements AutoCloseable {

	private static final String TRACES = "/v1/traces";

	private static final String METRICS = "/v1/metrics";

	private static final String LOGS = "/v1/logs";

	private final Object lock = new Object();

	private final ExecutorService handlers = Executors.newCachedThreadPool((task) -> {
		Thread thread = new Thread(task, "otlp-collector");
		thread.setDaemon(true);
		return thread;
	});

	private final int port;

	private @Nullable HttpServer server;

	private @Nullable ServerSocket blackHole;

	private Mode mode = Mode.ANSWER;

	private final Set<Socket> heldConnections = ConcurrentHashMap.newKeySet();

	private final Deque<Integer> schedule = new ArrayDeque<>();

	private volatile int defaultStatus = 200;

	private volatile Duration answerDelay = Duration.ZERO;

	// Only the bodies are kept, decoded again when asked for: the reliability scenarios
	// weigh
	// the heap of the JVM the collector shares with the application.
	private final List<Export> exports = new CopyOnWriteArrayList<>();

	private final AtomicInteger receivedSpanCount = new AtomicInteger();

	private final List<Integer> answered = new CopyOnWriteArrayList<>();

	private final List<Long> blackHoleHoldMillis = new CopyOnWriteArrayList<>();

	/** Starts the collector, answering, on a free port between 20000 and 32000. */
	public OtlpCollector() {
		// The JDK server reads it once, when the first server starts; without it every
		// small
		// answer waits for a delayed ACK (~40 ms).
		System.setProperty("sun.net.httpserver.nodelay", "true");
		HttpServer started = null;
		for (int attempt = 0; attempt < 200 && started == null; attempt++) {
			try {
				started = answering(20_000 + ThreadLocalRandom.current().nextInt(12_000));
			}
			catch (BindException ex) {
				// Taken: try another.
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		if (started == null) {
			throw new IllegalStateException("No free port between 20000 and 32000");
		}
		this.server = started;
		this.port = started.getAddress().getPort();
	}

	/**
	 * The base URL exporters are given, such as {@code http://127.0.0.1:24318}.
	 * @return the endpoint
	 */
	public String endpoint() {
		return "http://127.0.0.1:" + this.port;
	}

	/**
	 * The collector's port, the same in every mode.
	 * @return the port
	 */
	public int port() {
		return this.port;
	}

	/**
	 * Switches mode; leaving a mode closes the port and every connection it holds.
	 * @param mode the new mode
	 */
	public void mode(Mode mode) {
		synchronized (this.lock) {
			if (mode == this.mode) {
				return;
			}
			closeListener();
			this.mode = mode;
			try {
				if (mode == Mode.ANSWER) {
					this.server = bindRetrying(() -> answering(this.port));
				}
				else if (mode == Mode.BLACK_HOLE) {
					this.blackHole = bindRetrying(this::blackHole);
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
	}

	/**
	 * Answers the next exports with these statuses, then with the default status. Only
	 * exports answered 200 are kept.
	 * @param statuses the HTTP statuses, in order
	 */
	public void schedule(Integer... statuses) {
		synchronized (this.schedule) {
			this.schedule.addAll(List.of(statuses));
		}
	}

	/**
	 * Sets the status answered when the schedule is empty (200 at first).
	 * @param status an HTTP status
	 */
	public void defaultStatus(int status) {
		this.defaultStatus = status;
	}

	/**
	 * Waits this long before answering each export.
	 * @param delay the delay, zero for none
	 */
	public void answerDelay(Duration delay) {
		this.answerDelay = delay;
	}

	/**
	 * Every export kept, in arrival order, with its path and headers.
	 * @return the exports
	 */
	public List<Export> exports() {
		return List.copyOf(this.exports);
	}

	/**
	 * Every trace export kept, decoded: all that left the process, links and arrays
	 * included.
	 * @return the requests
	 */
	public List<ExportTraceServiceRequest> traceRequests() {
		return decoded(TRACES, ExportTraceServiceRequest::parseFrom);
	}

	/**
	 * Every metrics export kept, decoded.
	 * @return the requests
	 */
	public List<ExportMetricsServiceRequest> metricsRequests() {
		return decoded(METRICS, ExportMetricsServiceRequest::parseFrom);
	}

	/**
	 * Every logs export kept, decoded.
	 * @return the requests
	 */
	public List<ExportLogsServiceRequest> logsRequests() {
		return decoded(LOGS, ExportLogsServiceRequest::parseFrom);
	}

	/**
	 * Every span received, in arrival order.
	 * @return the spans
	 */
	public List<ReceivedSpan> spans() {
		return traceRequests().stream()
			.flatMap((request) -> request.getResourceSpansList().stream())
			.flatMap((resource) -> resource.getScopeSpansList().stream())
			.flatMap((scope) -> scope.getSpansList().stream())
			.map(ReceivedSpan::of)
			.toList();
	}

	/**
	 * How many spans were received.
	 * @return the count
	 */
	public int receivedSpanCount() {
		return this.receivedSpanCount.get();
	}

	/**
	 * Every metric received, in arrival order (a metric exported at each step appears at
	 * each step).
	 * @return the metrics
	 */
	public List<Metric> metrics() {
		return metricsRequests().stream()
			.flatMap((request) -> request.getResourceMetricsList().stream())
			.flatMap((resource) -> resource.getScopeMetricsList().stream())
			.flatMap((scope) -> scope.getMetricsList().stream())
			.toList();
	}

	/**
	 * Every log record received, in arrival order.
	 * @return the log records
	 */
	public List<LogRecord> logRecords() {
		return logsRequests().stream()
			.flatMap((request) -> request.getResourceLogsList().stream())
			.flatMap((resource) -> resource.getScopeLogsList().stream())
			.flatMap((scope) -> scope.getLogRecordsList().stream())
			.toList();
	}

	/**
	 * Every log record received as text: severity, body and attributes, every string one
	 * a line.
	 * @return the texts
	 */
	public List<String> logRecordTexts() {
		return logRecords().stream().map((record) -> {
			StringBuilder text = new StringBuilder(record.getSeverityText()).append('\n');
			OtlpText.append(text, record.getBody());
			OtlpText.append(text, record.getAttributesList());
			return text.toString();
		}).toList();
	}

	/**
	 * The resource attributes of every resource block of every kept export.
	 * @return one map per resource block
	 */
	public List<Map<String, String>> resources() {
		return resourceBlocks().stream()
			.map((block) -> OtlpText.attributes(block.resource().getAttributesList()))
			.toList();
	}

	/**
	 * Every resource block of every kept export as text: its attributes, then the name
	 * and attributes of each of its scopes, every string one a line.
	 * @return one text per resource block
	 */
	public List<String> resourceTexts() {
		return resourceBlocks().stream().map((block) -> {
			StringBuilder text = new StringBuilder();
			OtlpText.append(text, block.resource().getAttributesList());
			for (InstrumentationScope scope : block.scopes()) {
				text.append(scope.getName()).append('\n');
				OtlpText.append(text, scope.getAttributesList());
			}
			return text.toString();
		}).toList();
	}

	/**
	 * Statuses answered so far, in order.
	 * @return the statuses
	 */
	public List<Integer> answered() {
		return List.copyOf(this.answered);
	}

	/**
	 * How long each black-holed connection was held before the exporter gave up on it.
	 * @return milliseconds, one per connection
	 */
	public List<Long> blackHoleHoldMillis() {
		return List.copyOf(this.blackHoleHoldMillis);
	}

	/** Forgets everything received and answered so far. */
	public void clear() {
		this.exports.clear();
		this.receivedSpanCount.set(0);
		this.answered.clear();
		this.blackHoleHoldMillis.clear();
	}

	@Override
	public void close() {
		synchronized (this.lock) {
			closeListener();
			this.mode = Mode.REFUSE;
		}
		this.handlers.shutdownNow();
	}

	private HttpServer answering(int port) throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
		server.setExecutor(this.handlers);
		server.createContext("/", this::answer);
		server.start();
		return server;
	}

	private void answer(HttpExchange exchange) throws IOException {
		try (exchange) {
			byte[] body;
			try (InputStream in = exchange.getRequestBody()) {
				body = in.readAllBytes();
			}
			if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
				body = new GZIPInputStream(new ByteArrayInputStream(body)).readAllBytes();
			}
			int status = nextStatus();
			if (status == 200) {
				try {
					keep(exchange.getRequestURI().getPath(), exchange.getRequestHeaders(), body);
				}
				catch (IOException | RuntimeException ex) {
					status = 400;
				}
			}
			long delay = this.answerDelay.toMillis();
			if (delay > 0) {
				Thread.sleep(delay);
			}
			// Recorded first, so that a client holding the answer finds it recorded.
			this.answered.add(status);
			exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
			exchange.sendResponseHeaders(status, -1);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private int nextStatus() {
		synchronized (this.schedule) {
			Integer next = this.schedule.poll();
			return (next != null) ? next : this.defaultStatus;
		}
	}

	private void keep(String path, Map<String, List<String>> headers, byte[] body) throws IOException {
		// Decoded once to answer 400 to what is not an export, and to count spans.
		switch (path) {
			case TRACES -> {
				int spans = 0;
				for (ResourceSpans resourceSpans : ExportTraceServiceRequest.parseFrom(body).getResourceSpansList()) {
					for (ScopeSpans scopeSpans : resourceSpans.getScopeSpansList()) {
						spans += scopeSpans.getSpansCount();
					}
				}
				this.receivedSpanCount.addAndGet(spans);
			}
			case METRICS -> ExportMetricsServiceRequest.parseFrom(body);
			case LOGS -> ExportLogsServiceRequest.parseFrom(body);
			default -> {
			}
		}
		Map<String, List<String>> lowerCaseHeaders = new TreeMap<>();
		headers.forEach((name, values) -> lowerCaseHeaders.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
		this.exports.add(new Export(path, lowerCaseHeaders, body));
	}

	private <T> List<T> decoded(String path, Decoder<T> decoder) {
		List<T> decoded = new ArrayList<>();
		for (Export export : this.exports) {
			if (export.path().equals(path)) {
				try {
					decoded.add(decoder.decode(export.body()));
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}
		}
		return decoded;
	}

	private List<ResourceBlock> resourceBlocks() {
		List<ResourceBlock> blocks = new ArrayList<>();
		for (ExportTraceServiceRequest request : traceRequests()) {
			for (ResourceSpans resource : request.getResourceSpansList()) {
				blocks.add(new ResourceBlock(resource.getResource(),
						resource.getScopeSpansList().stream().map(ScopeSpans::getScope).toList()));
			}
		}
		for (ExportMetricsServiceRequest request : metricsRequests()) {
			for (ResourceMetrics resource : request.getResourceMetricsList()) {
				blocks.add(new ResourceBlock(resource.getResource(),
						resource.getScopeMetricsList().stream().map(ScopeMetrics::getScope).toList()));
			}
		}
		for (ExportLogsServiceRequest request : logsRequests()) {
			for (ResourceLogs resource : request.getResourceLogsList()) {
				blocks.add(new ResourceBlock(resource.getResource(),
						resource.getScopeLogsList().stream().map(ScopeLogs::getScope).toList()));
			}
		}
		return blocks;
	}

	private ServerSocket blackHole() throws IOException {
		ServerSocket socket = new ServerSocket();
		socket.setReuseAddress(true);
		try {
			socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), this.port), 50);
		}
		catch (IOException ex) {
			socket.close();
			throw ex;
		}
		this.handlers.execute(() -> {
			while (!socket.isClosed()) {
				try {
					Socket connection = socket.accept();
					this.heldConnections.add(connection);
					this.handlers.execute(() -> hold(connection));
				}
				catch (IOException ex) {
					return;
				}
			}
		});
		return socket;
	}

	/** Reads and discards until the exporter closes the connection; never answers. */
	private void hold(Socket connection) {
		long start = System.nanoTime();
		try (connection; InputStream in = connection.getInputStream()) {
			byte[] buffer = new byte[8192];
			while (in.read(buffer) >= 0) {
				// discard
			}
			this.blackHoleHoldMillis.add((System.nanoTime() - start) / 1_000_000);
		}
		catch (SocketException ex) {
			// Closed by the exporter (a reset) or by leaving the mode: only the first
			// counts.
			if (this.heldConnections.contains(connection)) {
				this.blackHoleHoldMillis.add((System.nanoTime() - start) / 1_000_000);
			}
		}
		catch (IOException ex) {
			// Closing: nothing to keep.
		}
		finally {
			this.heldConnections.remove(connection);
		}
	}

	/**
	 * Binds the fixed port again: connections of the previous mode may hold it a moment.
	 */
	private static <T> T bindRetrying(Binder<T> binder) throws IOException {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (true) {
			try {
				return binder.bind();
			}
			catch (BindException ex) {
				if (System.nanoTime() > deadline) {
					throw ex;
				}
				LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
			}
		}
	}

	private void closeListener() {
		if (this.server != null) {
			this.server.stop(0);
			this.server = null;
		}
		if (this.blackHole != null) {
			try {
				this.blackHole.close();
			}
			catch (IOException ex) {
				// Closing: nothing to do.
			}
			this.blackHole = null;
		}
		for (Socket connection : this.heldConnections) {
			this.heldConnections.remove(connection);
			try {
				connection.close();
			}
			catch (IOException ex) {
				// Closing: nothing to do.
			}
		}
	}

	/** What the collector does with connections. */
	public enum Mode {

		/** Nothing listens: connections are refused. */
		REFUSE,

		/** Connections are accepted and never answered. */
		BLACK_HOLE,

		/** Exports are answered. */
		ANSWER

	}

	/**
	 * One export kept.
	 *
	 * @param path the request path, such as {@code /v1/traces}
	 * @param headers the request headers, names in lower case
	 * @param body the body, gunzipped
	 */
	public record Export(String path, Map<String, List<String>> headers, byte[] body) {

		/**
		 * The first value of a header.
		 * @param name the header name, in any case
		 * @return the value, or {@code null} when absent
		 */
		public @Nullable String header(String name) {
			List<String> values = this.headers.get(name.toLowerCase(Locale.ROOT));
			return (values != null && !values.isEmpty()) ? values.get(0) : null;
		}

	}

	private record ResourceBlock(Resource resource, List<InstrumentationScope> scopes) {
	}

	@FunctionalInterface
	private interface Decoder<T> {

		T decode(byte[] body) throws IOException;

	}

	@FunctionalInterface
	private interface Binder<T> {

		T bind() throws IOException;

	}

}
