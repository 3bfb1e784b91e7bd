package com.pyairtable.observability.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.ArrayValue;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import io.opentelemetry.proto.metrics.v1.Gauge;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The collector as its users drive it: real OTLP/HTTP requests on loopback, in each mode.
 */
class OtlpCollectorTests {

	private static final Resource RESOURCE = Resource.newBuilder()
		.addAttributes(attribute("service.name", "orders"))
		.build();

	@Test
	void keepsTraceMetricAndLogExportsDecodedWithTheirHeaders() throws IOException {
		try (OtlpCollector collector = new OtlpCollector()) {
			assertThat(post(collector, "/v1/traces", gzip(traces().toByteArray()), "gzip").statusCode()).isEqualTo(200);
			assertThat(post(collector, "/v1/metrics", metrics().toByteArray(), null).statusCode()).isEqualTo(200);
			assertThat(post(collector, "/v1/logs", logs().toByteArray(), null).statusCode()).isEqualTo(200);
			assertThat(collector.spans()).singleElement().satisfies((span) -> {
				assertThat(span.traceId()).isEqualTo("0102030405060708090a0b0c0d0e0f10");
				assertThat(span.parentSpanId()).isEmpty();
				assertThat(span.name()).isEqualTo("GET /orders");
				assertThat(span.uri()).isEqualTo("/orders");
				assertThat(span.events()).containsExactly("exception {exception.type=IllegalStateException}");
				assertThat(span.statusCode()).isEqualTo(2);
				assertThat(span.text()).contains("GET /orders\n", "uri=/orders\n", "tags=first\nsecond\n", "boom");
			});
			assertThat(collector.traceRequests()).containsExactly(traces());
			assertThat(collector.metrics()).extracting(Metric::getName).containsExactly("queue.depth");
			assertThat(collector.logRecords()).extracting((log) -> log.getBody().getStringValue())
				.containsExactly("order 7 failed");
			assertThat(collector.logRecordTexts()).containsExactly("WARN\norder 7 failed\nlogger=orders\n");
			assertThat(collector.resources()).hasSize(3)
				.allSatisfy((resource) -> assertThat(resource).containsExactly(Map.entry("service.name", "orders")));
			assertThat(collector.resourceTexts()).first().isEqualTo("service.name=orders\nspring\n");
			assertThat(collector.exports()).extracting(OtlpCollector.Export::path)
				.containsExactly("/v1/traces", "/v1/metrics", "/v1/logs");
			assertThat(collector.exports().get(0).header("X-Scope-OrgID")).isEqualTo("platform");
			assertThat(collector.answered()).containsExactly(200, 200, 200);
		}
	}

	@Test
	void answersTheScheduleThenTheDefaultStatusAndKeepsOnlyExportsAnswered200() {
		try (OtlpCollector collector = new OtlpCollector()) {
			collector.schedule(503, 400);
			collector.defaultStatus(200);
			for (int i = 0; i < 3; i++) {
				post(collector, "/v1/traces", traces().toByteArray(), null);
			}
			assertThat(collector.answered()).containsExactly(503, 400, 200);
			assertThat(collector.receivedSpanCount()).isEqualTo(1);
			collector.clear();
			assertThat(collector.spans()).isEmpty();
			assertThat(collector.answered()).isEmpty();
		}
	}

	@Test
	void answersAnUndecodableExportWith400() {
		try (OtlpCollector collector = new OtlpCollector()) {
			assertThat(post(collector, "/v1/traces", new byte[] { 1, 2, 3 }, null).statusCode()).isEqualTo(400);
			assertThat(collector.exports()).isEmpty();
		}
	}

	@Test
	void waitsTheAnswerDelayBeforeAnswering() {
		try (OtlpCollector collector = new OtlpCollector()) {
			collector.answerDelay(Duration.ofMillis(300));
			long start = System.nanoTime();
			post(collector, "/v1/traces", traces().toByteArray(), null);
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
		}
	}

	@Test
	void refusesConnectionsThenAnswersAgainOnTheSamePort() {
		try (OtlpCollector collector = new OtlpCollector()) {
			int port = collector.port();
			collector.mode(OtlpCollector.Mode.REFUSE);
			assertThatExceptionOfType(UncheckedIOException.class)
				.isThrownBy(() -> post(collector, "/v1/traces", traces().toByteArray(), null))
				.withCauseInstanceOf(ConnectException.class);
			collector.mode(OtlpCollector.Mode.ANSWER);
			assertThat(collector.port()).isEqualTo(port);
			assertThat(post(collector, "/v1/traces", traces().toByteArray(), null).statusCode()).isEqualTo(200);
		}
	}

	@Test
	void blackHoleHoldsConnectionsUnansweredUntilTheClientGivesUp() {
		try (OtlpCollector collector = new OtlpCollector()) {
			collector.mode(OtlpCollector.Mode.BLACK_HOLE);
			HttpRequest request = LoopbackHttp.request(collector.port(), "/v1/traces", Duration.ofMillis(500))
				.POST(HttpRequest.BodyPublishers.ofByteArray(traces().toByteArray()))
				.build();
			assertThatExceptionOfType(UncheckedIOException.class).isThrownBy(() -> LoopbackHttp.send(request))
				.withCauseInstanceOf(HttpTimeoutException.class);
			await().atMost(Duration.ofSeconds(10)).until(() -> !collector.blackHoleHoldMillis().isEmpty());
			// The client's timeout proves the silence; the hold's length depends on
			// scheduling.
			assertThat(collector.blackHoleHoldMillis()).hasSize(1);
			assertThat(collector.answered()).isEmpty();
			collector.mode(OtlpCollector.Mode.ANSWER);
			assertThat(post(collector, "/v1/traces", traces().toByteArray(), null).statusCode()).isEqualTo(200);
		}
	}

	private static HttpResponse<String> post(OtlpCollector collector, String path, byte[] body, String encoding) {
		HttpRequest.Builder request = LoopbackHttp.request(collector.port(), path, Duration.ofSeconds(10))
			.header("Content-Type", "application/x-protobuf")
			.header("X-Scope-OrgID", "platform")
			.POST(HttpRequest.BodyPublishers.ofByteArray(body));
		if (encoding != null) {
			request.header("Content-Encoding", encoding);
		}
		return LoopbackHttp.send(request.build());
	}

	private static ExportTraceServiceRequest traces() {
		Span span = Span.newBuilder()
			.setTraceId(ByteString.copyFrom(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16 }))
			.setSpanId(ByteString.copyFrom(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8 }))
			.setName("GET /orders")
			.addAttributes(attribute("uri", "/orders"))
			.addAttributes(KeyValue.newBuilder()
				.setKey("tags")
				.setValue(AnyValue.newBuilder()
					.setArrayValue(ArrayValue.newBuilder()
						.addValues(AnyValue.newBuilder().setStringValue("first"))
						.addValues(AnyValue.newBuilder().setStringValue("second")))))
			.addEvents(Span.Event.newBuilder()
				.setName("exception")
				.addAttributes(attribute("exception.type", "IllegalStateException")))
			.setStatus(Status.newBuilder().setCode(Status.StatusCode.STATUS_CODE_ERROR).setMessage("boom"))
			.build();
		return ExportTraceServiceRequest.newBuilder()
			.addResourceSpans(ResourceSpans.newBuilder()
				.setResource(RESOURCE)
				.addScopeSpans(ScopeSpans.newBuilder()
					.setScope(InstrumentationScope.newBuilder().setName("spring"))
					.addSpans(span)))
			.build();
	}

	private static ExportMetricsServiceRequest metrics() {
		return ExportMetricsServiceRequest.newBuilder()
			.addResourceMetrics(ResourceMetrics.newBuilder()
				.setResource(RESOURCE)
				.addScopeMetrics(ScopeMetrics.newBuilder()
					.addMetrics(Metric.newBuilder().setName("queue.depth").setGauge(Gauge.getDefaultInstance()))))
			.build();
	}

	private static ExportLogsServiceRequest logs() {
		return ExportLogsServiceRequest.newBuilder()
			.addResourceLogs(ResourceLogs.newBuilder()
				.setResource(RESOURCE)
				.addScopeLogs(ScopeLogs.newBuilder()
					.addLogRecords(LogRecord.newBuilder()
						.setSeverityText("WARN")
						.setBody(AnyValue.newBuilder().setStringValue("order 7 failed"))
						.addAttributes(attribute("logger", "orders")))))
			.build();
	}

	private static KeyValue attribute(String key, String value) {
		return KeyValue.newBuilder().setKey(key).setValue(AnyValue.newBuilder().setStringValue(value)).build();
	}

	private static byte[] gzip(byte[] bytes) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
			gzip.write(bytes);
		}
		return out.toByteArray();
	}

}
