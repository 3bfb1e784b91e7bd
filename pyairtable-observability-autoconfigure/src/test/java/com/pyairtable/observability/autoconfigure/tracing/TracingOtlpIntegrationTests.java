package com.pyairtable.observability.autoconfigure.tracing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import com.pyairtable.observability.testsupport.OtlpCollector;
import com.pyairtable.observability.testsupport.ReceivedSpan;
import com.pyairtable.observability.testsupport.TestWebApp;
import com.pyairtable.observability.tracing.TracingMetricNames;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A web application in {@code production} at ratio 0.0 exporting to a real OTLP/HTTP
 * receiver: failed and slow requests arrive whole, ordinary and health requests never do,
 * sampled parents are honoured within the traces-per-second cap, and the cap holds for
 * new traces and for a storm of forged {@code traceparent} headers alike.
 */
class TracingOtlpIntegrationTests {

	private static final int MAX_TRACES_PER_SECOND = 5;

	private static OtlpCollector receiver;

	private static ConfigurableApplicationContext context;

	private static HttpClient http;

	private static String base;

	@BeforeAll
	static void start() throws Exception {
		receiver = new OtlpCollector();
		context = new SpringApplicationBuilder(TracingTestApplication.class)
			.properties("server.port=0", "server.address=127.0.0.1", TestWebApp.WITHOUT_SECURITY,
					"pyairtable.observability.service.name=tracing-it",
					"pyairtable.observability.service.environment=production",
					"pyairtable.observability.tracing.sampling.ratio=0.0",
					"pyairtable.observability.tracing.sampling.slow-threshold=200ms",
					"pyairtable.observability.tracing.sampling.max-traces-per-second=" + MAX_TRACES_PER_SECOND,
					"pyairtable.observability.tracing.sampling.rules[0].path=/burst",
					"pyairtable.observability.tracing.sampling.rules[0].ratio=1.0",
					"pyairtable.observability.tracing.export.endpoint=" + receiver.endpoint(),
					"management.opentelemetry.tracing.export.schedule-delay=50ms")
			.run();
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		base = "http://127.0.0.1:" + port;
		http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
	}

	@AfterAll
	static void stop() {
		if (context != null) {
			context.close();
		}
		if (receiver != null) {
			receiver.close();
		}
	}

	@Test
	void failingRequestArrivesWholeWithItsReason() throws Exception {
		assertThat(get("/fail", null).statusCode()).isEqualTo(500);
		ReceivedSpan root = awaitRoot("/fail", "error");
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(trace(root.traceId())).anySatisfy((span) -> {
				assertThat(span.name()).isEqualTo("fail.work");
				assertThat(span.parentSpanId()).isEqualTo(root.spanId());
			}));
		assertThat(root.events()).anySatisfy((event) -> assertThat(event).startsWith("exception"));
		assertThat(receiver.resources()).anySatisfy((resource) -> {
			assertThat(resource).containsEntry("service.name", "tracing-it");
			assertThat(resource).containsEntry("deployment.environment.name", "production");
		});
	}

	@Test
	void slowRequestArrivesWholeWithItsReason() throws Exception {
		assertThat(get("/slow", null).statusCode()).isEqualTo(200);
		ReceivedSpan root = awaitRoot("/slow", "slow");
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(
					() -> assertThat(trace(root.traceId())).extracting(ReceivedSpan::name).contains("slow.work"));
	}

	@Test
	void ordinaryAndHealthRequestsNeverArrive() throws Exception {
		long before = ended("/plain");
		for (int i = 0; i < 3; i++) {
			assertThat(get("/plain", null).statusCode()).isEqualTo(200);
			assertThat(get("/actuator/health", null).statusCode()).isEqualTo(200);
		}
		awaitEnded("/plain", before + 3);
		flush();
		assertThat(receiver.spans()).noneSatisfy((span) -> assertThat(span.uri()).isEqualTo("/plain"));
		assertThat(receiver.spans()).noneSatisfy((span) -> assertThat(span.toString()).contains("actuator"));
	}

	@Test
	void sampledParentIsHonouredWithinTheCap() throws Exception {
		// Another test's burst may have taken the cap's tokens: a new caller's trace gets
		// one within a second.
		String parentId = HexFormat.of().formatHex(randomBytes(8));
		List<String> sent = new java.util.concurrent.CopyOnWriteArrayList<>();
		String traceId = await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(250)).until(() -> {
			String candidate = HexFormat.of().formatHex(randomBytes(16));
			assertThat(get("/ok", "00-" + candidate + "-" + parentId + "-01").statusCode()).isEqualTo(200);
			sent.add(candidate);
			flush();
			return sent.stream().filter((id) -> !trace(id).isEmpty()).findFirst().orElse(null);
		}, java.util.Objects::nonNull);
		assertThat(trace(traceId)).singleElement().satisfies((span) -> {
			assertThat(span.parentSpanId()).isEqualTo(parentId);
			assertThat(span.uri()).isEqualTo("/ok");
			assertThat(span.attributes()).doesNotContainKey("sampling.reason");
		});
	}

	@Test
	void traceparentStormExportsNoMoreThanTheCap() throws Exception {
		MeterRegistry registry = context.getBean(MeterRegistry.class);
		double cappedBefore = decisions(registry, TracingMetricNames.REASON_PARENT_CAPPED);
		long endedBefore = ended("/ok");
		List<String> traceIds = new java.util.ArrayList<>();
		long started = System.nanoTime();
		List<java.util.concurrent.CompletableFuture<HttpResponse<String>>> responses = new java.util.ArrayList<>();
		for (int i = 0; i < 60; i++) {
			String traceId = HexFormat.of().formatHex(randomBytes(16));
			traceIds.add(traceId);
			String traceparent = "00-" + traceId + "-" + HexFormat.of().formatHex(randomBytes(8)) + "-01";
			responses.add(http.sendAsync(request("/ok", traceparent), HttpResponse.BodyHandlers.ofString()));
		}
		for (var response : responses) {
			assertThat(response.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
		}
		double elapsedSeconds = (System.nanoTime() - started) / 1e9;
		awaitEnded("/ok", endedBefore + 60);
		flush();
		// Requests slowed down by the storm itself are kept as slow: only head decisions
		// count.
		long exported = receiver.spans()
			.stream()
			.filter((span) -> traceIds.contains(span.traceId()) && !span.attributes().containsKey("sampling.reason"))
			.count();
		long allowed = MAX_TRACES_PER_SECOND + (long) Math.ceil(elapsedSeconds * MAX_TRACES_PER_SECOND);
		assertThat(exported).isLessThanOrEqualTo(allowed);
		assertThat(decisions(registry, TracingMetricNames.REASON_PARENT_CAPPED) - cappedBefore)
			.isGreaterThanOrEqualTo(60 - allowed);
	}

	@Test
	void failingLocalPartOfDroppedTraceIsKept() throws Exception {
		String traceId = HexFormat.of().formatHex(randomBytes(16));
		String parentId = HexFormat.of().formatHex(randomBytes(8));
		assertThat(get("/fail", "00-" + traceId + "-" + parentId + "-00").statusCode()).isEqualTo(500);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(trace(traceId)).anySatisfy((span) -> {
			assertThat(span.parentSpanId()).isEqualTo(parentId);
			assertThat(span.attributes()).containsEntry("sampling.reason", "error");
		}));
	}

	@Test
	void tracesPerSecondCapHoldsUnderBurst() throws Exception {
		MeterRegistry registry = context.getBean(MeterRegistry.class);
		double limitedBefore = rateLimited(registry);
		long endedBefore = ended("/burst");
		long started = System.nanoTime();
		List<java.util.concurrent.CompletableFuture<HttpResponse<String>>> responses = new java.util.ArrayList<>();
		for (int i = 0; i < 60; i++) {
			responses.add(http.sendAsync(request("/burst", null), HttpResponse.BodyHandlers.ofString()));
		}
		for (var response : responses) {
			assertThat(response.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
		}
		double elapsedSeconds = (System.nanoTime() - started) / 1e9;
		awaitEnded("/burst", endedBefore + 60);
		flush();
		// Requests slowed down by the burst itself are kept as slow: only head decisions
		// count.
		long exported = receiver.spans()
			.stream()
			.filter((span) -> span.uri().equals("/burst") && !span.attributes().containsKey("sampling.reason"))
			.count();
		long allowed = MAX_TRACES_PER_SECOND + (long) Math.ceil(elapsedSeconds * MAX_TRACES_PER_SECOND);
		assertThat(exported).isBetween(1L, allowed);
		assertThat(rateLimited(registry) - limitedBefore).isGreaterThanOrEqualTo(60 - allowed);
	}

	@Test
	void scrapeShowsDecisionsAndDrops() throws Exception {
		assertThat(get("/fail", null).statusCode()).isEqualTo(500);
		awaitRoot("/fail", "error");
		HttpResponse<String> scrape = get("/actuator/prometheus", null);
		assertThat(scrape.statusCode()).isEqualTo(200);
		assertThat(scrape.body())
			.containsPattern(
					"tracing_sampling_decisions_total\\{[^}]*decision=\"sampled\"[^}]*reason=\"error\"[^}]*} [1-9]")
			.containsPattern(
					"tracing_sampling_decisions_total\\{[^}]*decision=\"dropped\"[^}]*reason=\"ratio\"[^}]*} [1-9]")
			.containsPattern("tracing_spans_dropped_total\\{[^}]*reason=\"tail_overflow\"[^}]*} 0")
			.containsPattern("tracing_spans_dropped_total\\{[^}]*reason=\"export_failed\"[^}]*} 0");
	}

	private static double rateLimited(MeterRegistry registry) {
		return decisions(registry, TracingMetricNames.REASON_RATE_LIMITED);
	}

	private static double decisions(MeterRegistry registry, String droppedReason) {
		return registry.get(TracingMetricNames.SAMPLING_DECISIONS)
			.tags(TracingMetricNames.DECISION_TAG, TracingMetricNames.DROPPED, TracingMetricNames.REASON_TAG,
					droppedReason)
			.functionCounter()
			.count();
	}

	private static long ended(String uri) {
		return context.getBean(TracingTestApplication.EndedSpans.class).count(uri);
	}

	private static void awaitEnded(String uri, long count) {
		await().atMost(Duration.ofSeconds(10)).until(() -> ended(uri) >= count);
	}

	private static ReceivedSpan awaitRoot(String uri, String reason) {
		return await().atMost(Duration.ofSeconds(10))
			.until(() -> receiver.spans()
				.stream()
				.filter((span) -> uri.equals(span.uri()) && reason.equals(span.attributes().get("sampling.reason")))
				.findFirst()
				.orElse(null), java.util.Objects::nonNull);
	}

	private static List<ReceivedSpan> trace(String traceId) {
		return receiver.spans().stream().filter((span) -> span.traceId().equals(traceId)).toList();
	}

	/** Exports whatever is queued; the receiver has it once this returns. */
	private static void flush() {
		assertThat(context.getBean(SdkTracerProvider.class).forceFlush().join(10, TimeUnit.SECONDS).isSuccess())
			.isTrue();
	}

	private static HttpResponse<String> get(String path, String traceparent) throws Exception {
		return http.send(request(path, traceparent), HttpResponse.BodyHandlers.ofString());
	}

	private static HttpRequest request(String path, String traceparent) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10));
		if (traceparent != null) {
			builder.header("traceparent", traceparent);
		}
		return builder.build();
	}

	private static byte[] randomBytes(int length) {
		byte[] bytes = new byte[length];
		ThreadLocalRandom.current().nextBytes(bytes);
		bytes[0] |= 1;
		return bytes;
	}

}
