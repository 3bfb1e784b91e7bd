package com.pyairtable.observability.tracing;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import com.pyairtable.observability.logging.SecretRedactor;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.Value;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SpanLimits;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.ExceptionEventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spans recorded by the OpenTelemetry SDK and redacted on their way to an in-memory
 * exporter: every text of a span is redacted, numbers and booleans are left alone, a span
 * without secret is passed on as it is, and a failing redaction drops the value.
 */
class RedactingSpanExporterTests {

	private static final String SECRET = "sk-abcdefghijklmnopqrstuvwxyz123456";

	private static final String OTHER_SECRET = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1c2VyLTQyIn0.c2lnbmF0dXJlLXZhbHVl";

	private final SecretRedactor redactor = SecretRedactor.withDefaults();

	private final InMemorySpanExporter exported = InMemorySpanExporter.create();

	@Test
	void redactsEveryTextOfASpanAndLeavesNumbersAndBooleansAlone() {
		SpanContext linked = SpanContext.create("0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331",
				TraceFlags.getSampled(), TraceState.getDefault());
		Resource resource = Resource.getDefault()
			.merge(Resource.builder().put("service.name", "orders").put("deploy.token", "Bearer " + SECRET).build());
		SpanData span = record(resource, SpanLimits.getDefault(), (tracer) -> {
			Span s = tracer.get("test")
				.spanBuilder("call with " + SECRET)
				.addLink(linked,
						Attributes.of(AttributeKey.stringKey("link.note"), "Bearer " + SECRET,
								AttributeKey.stringArrayKey("link.tokens"), List.of(OTHER_SECRET)))
				.startSpan();
			s.setAttribute("plain", "orders");
			s.setAttribute("url", "https://api.example.com/v1?api_key=" + SECRET);
			s.setAttribute(AttributeKey.stringArrayKey("tokens"), List.of("first", SECRET, OTHER_SECRET));
			s.setAttribute(AttributeKey.valueKey("structured"), Value.of(Value.of("Bearer " + SECRET), Value.of(42L)));
			s.setAttribute("count", 42L);
			s.setAttribute("ratio", 0.5);
			s.setAttribute("ok", true);
			s.addEvent("token " + OTHER_SECRET, Attributes.of(AttributeKey.stringKey("detail"), "key " + SECRET));
			s.recordException(new IllegalStateException("refused key " + SECRET));
			s.setStatus(StatusCode.ERROR, "failed with " + SECRET);
			s.end();
		});
		SpanData redacted = export(span);
		assertThat(redacted.toString()).doesNotContain(SECRET).doesNotContain(OTHER_SECRET);
		assertThat(redacted.getName()).startsWith("call with " + SecretRedactor.MARKER);
		Attributes attributes = redacted.getAttributes();
		assertThat(attributes.get(AttributeKey.stringKey("plain"))).isEqualTo("orders");
		assertThat(attributes.get(AttributeKey.stringKey("url"))).startsWith("https://api.example.com/v1")
			.contains(SecretRedactor.MARKER);
		assertThat(attributes.get(AttributeKey.stringArrayKey("tokens"))).hasSize(3)
			.startsWith("first")
			.allSatisfy((value) -> assertThat(value).doesNotContain(SECRET).doesNotContain(OTHER_SECRET));
		assertThat(attributes.get(AttributeKey.valueKey("structured")).asString()).contains(SecretRedactor.MARKER)
			.contains("42");
		assertThat(attributes.get(AttributeKey.longKey("count"))).isEqualTo(42L);
		assertThat(attributes.get(AttributeKey.doubleKey("ratio"))).isEqualTo(0.5);
		assertThat(attributes.get(AttributeKey.booleanKey("ok"))).isTrue();
		assertThat(redacted.getEvents()).hasSize(2);
		EventData event = redacted.getEvents().get(0);
		assertThat(event.getName()).startsWith("token " + SecretRedactor.MARKER);
		assertThat(event.getAttributes().get(AttributeKey.stringKey("detail")))
			.startsWith("key " + SecretRedactor.MARKER);
		EventData exception = redacted.getEvents().get(1);
		assertThat(exception).isNotInstanceOf(ExceptionEventData.class);
		assertThat(exception.getName()).isEqualTo("exception");
		assertThat(exception.getAttributes().get(AttributeKey.stringKey("exception.message")))
			.startsWith("refused key " + SecretRedactor.MARKER);
		assertThat(exception.getAttributes().get(AttributeKey.stringKey("exception.stacktrace")))
			.contains("IllegalStateException: refused key " + SecretRedactor.MARKER)
			.doesNotContain(SECRET);
		assertThat(redacted.getLinks()).singleElement().satisfies((link) -> {
			assertThat(link.getSpanContext()).isEqualTo(linked);
			assertThat(link.getAttributes().get(AttributeKey.stringKey("link.note"))).contains(SecretRedactor.MARKER);
		});
		assertThat(redacted.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
		assertThat(redacted.getStatus().getDescription()).startsWith("failed with " + SecretRedactor.MARKER);
		assertThat(redacted.getResource().getAttribute(AttributeKey.stringKey("service.name"))).isEqualTo("orders");
		assertThat(redacted.getResource().getAttribute(AttributeKey.stringKey("deploy.token")))
			.contains(SecretRedactor.MARKER);
		assertThat(redacted.getTraceId()).isEqualTo(span.getTraceId());
		assertThat(redacted.getSpanId()).isEqualTo(span.getSpanId());
	}

	@Test
	void passesASpanWithoutSecretOnAsItIs() {
		SpanData span = record(Resource.getDefault(), SpanLimits.getDefault(), (tracer) -> {
			Span s = tracer.get("test").spanBuilder("GET /api/bases/{base}").startSpan();
			s.setAttribute("http.route", "/api/bases/{base}");
			s.setAttribute(AttributeKey.stringArrayKey("features"), List.of("sync", "export"));
			s.setAttribute("status", 200L);
			s.addEvent("cache miss", Attributes.of(AttributeKey.stringKey("cache"), "records"));
			s.end();
		});
		List<SpanData> batch = List.of(span);
		List<List<SpanData>> received = new ArrayList<>();
		new RedactingSpanExporter(new Capturing(received), this.redactor::redact).export(batch);
		assertThat(received).singleElement().isSameAs(batch);
		assertThat(received.get(0).get(0)).isSameAs(span);
	}

	@Test
	void redactsBeforeCuttingToTheAttributeLengthLimit() {
		SpanData span = record(Resource.getDefault(), SpanLimits.getDefault(), (tracer) -> {
			Span s = tracer.get("test").spanBuilder("call").startSpan();
			s.setAttribute("auth", "Bearer " + SECRET);
			s.setAttribute(AttributeKey.stringArrayKey("keys"), List.of(SECRET + SECRET));
			s.setAttribute("long", "0123456789012345678901234567890123456789");
			s.end();
		});
		RedactingSpanExporter exporter = new RedactingSpanExporter(this.exported, this.redactor::redact, 24);
		exporter.export(List.of(span));
		Attributes attributes = this.exported.getFinishedSpanItems().get(0).getAttributes();
		// Cut first, "Bearer sk-abcdefghijklmno" would no longer be a key the patterns
		// know.
		assertThat(attributes.get(AttributeKey.stringKey("auth"))).hasSizeLessThanOrEqualTo(24)
			.contains("[REDACTED")
			.doesNotContain("sk-abc");
		assertThat(attributes.get(AttributeKey.stringArrayKey("keys"))).singleElement()
			.satisfies((value) -> assertThat(value).hasSizeLessThanOrEqualTo(24).doesNotContain("sk-abc"));
		assertThat(attributes.get(AttributeKey.stringKey("long"))).isEqualTo("012345678901234567890123");
	}

	@Test
	void dropsTheValuesWhoseRedactionFails() {
		UnaryOperator<@Nullable String> failing = (text) -> {
			if (text != null && text.contains("boom")) {
				throw new IllegalStateException("cannot redact " + text);
			}
			return this.redactor.redact(text);
		};
		SpanData span = record(Resource.getDefault(), SpanLimits.getDefault(), (tracer) -> {
			Span s = tracer.get("test").spanBuilder("boom " + SECRET).startSpan();
			s.setAttribute("trap", "boom " + SECRET);
			s.setAttribute(AttributeKey.stringArrayKey("traps"), List.of("fine", "boom " + SECRET));
			s.setAttribute("plain", "orders");
			s.setAttribute("key", "Bearer " + SECRET);
			s.end();
		});
		new RedactingSpanExporter(this.exported, failing).export(List.of(span));
		SpanData redacted = this.exported.getFinishedSpanItems().get(0);
		assertThat(redacted.toString()).doesNotContain(SECRET).doesNotContain("boom");
		assertThat(redacted.getName()).isEqualTo(RedactingSpanExporter.DROPPED);
		assertThat(redacted.getAttributes().get(AttributeKey.stringKey("trap")))
			.isEqualTo(RedactingSpanExporter.DROPPED);
		assertThat(redacted.getAttributes().get(AttributeKey.stringArrayKey("traps"))).containsExactly("fine",
				RedactingSpanExporter.DROPPED);
		assertThat(redacted.getAttributes().get(AttributeKey.stringKey("plain"))).isEqualTo("orders");
		assertThat(redacted.getAttributes().get(AttributeKey.stringKey("key"))).contains(SecretRedactor.MARKER);
	}

	@Test
	void dropsTheValuesTheRedactorReturnsNoTextFor() {
		SpanData span = record(Resource.getDefault(), SpanLimits.getDefault(), (tracer) -> {
			Span s = tracer.get("test").spanBuilder("call").startSpan();
			s.setAttribute("key", "Bearer " + SECRET);
			s.end();
		});
		new RedactingSpanExporter(this.exported, (text) -> null).export(List.of(span));
		SpanData redacted = this.exported.getFinishedSpanItems().get(0);
		assertThat(redacted.getName()).isEqualTo(RedactingSpanExporter.DROPPED);
		assertThat(redacted.getAttributes().get(AttributeKey.stringKey("key")))
			.isEqualTo(RedactingSpanExporter.DROPPED);
	}

	@Test
	void keepsTheOrderOfABatchWhereOnlySomeSpansHoldSecrets() {
		List<SpanData> batch = new ArrayList<>();
		for (String name : List.of("first", "second " + SECRET, "third")) {
			batch.add(record(Resource.getDefault(), SpanLimits.getDefault(),
					(tracer) -> tracer.get("test").spanBuilder(name).startSpan().end()));
		}
		new RedactingSpanExporter(this.exported, this.redactor::redact).export(batch);
		List<SpanData> spans = this.exported.getFinishedSpanItems();
		assertThat(spans).extracting(SpanData::getName)
			.containsExactly("first", this.redactor.redact("second " + SECRET), "third");
		assertThat(spans.get(0)).isSameAs(batch.get(0));
		assertThat(spans.get(2)).isSameAs(batch.get(2));
	}

	@Test
	void redactsARepeatedCleanValueOnceAndEverySecretEveryTime() {
		List<String> seen = new ArrayList<>();
		UnaryOperator<@Nullable String> counting = (text) -> {
			seen.add(text);
			return this.redactor.redact(text);
		};
		RedactingSpanExporter exporter = new RedactingSpanExporter(this.exported, counting);
		for (int i = 0; i < 3000; i++) {
			int n = i;
			// A clean value that repeats, values that never repeat (enough to fill any
			// table of clean values), and a secret on every tenth span.
			exporter.export(List.of(record(Resource.getDefault(), SpanLimits.getDefault(), (tracer) -> {
				Span s = tracer.get("test").spanBuilder("GET /api/items/{id}").startSpan();
				s.setAttribute("http.route", "/api/items/{id}");
				s.setAttribute("request.id", "req-" + n);
				s.setAttribute("uri", (n % 10 == 0) ? "/api/items?token=" + SECRET : "/api/items/" + n);
				s.end();
			})));
		}
		assertThat(seen).filteredOn("/api/items/{id}"::equals).hasSize(1);
		assertThat(seen).filteredOn((text) -> text.contains(SECRET)).hasSize(300);
		assertThat(this.exported.getFinishedSpanItems()).hasSize(3000)
			.allSatisfy((span) -> assertThat(span.getAttributes().asMap().values())
				.noneMatch((value) -> value.toString().contains(SECRET)));
	}

	private static SpanData record(Resource resource, SpanLimits limits, Consumer<SdkTracerProvider> recording) {
		InMemorySpanExporter recorded = InMemorySpanExporter.create();
		try (SdkTracerProvider provider = SdkTracerProvider.builder()
			.setResource(resource)
			.setSpanLimits(limits)
			.addSpanProcessor(SimpleSpanProcessor.create(recorded))
			.build()) {
			recording.accept(provider);
			// Read before the provider's shutdown clears the exporter.
			return recorded.getFinishedSpanItems().get(0);
		}
	}

	private SpanData export(SpanData span) {
		new RedactingSpanExporter(this.exported, this.redactor::redact).export(List.of(span));
		return this.exported.getFinishedSpanItems().get(0);
	}

	private record Capturing(List<List<SpanData>> received) implements io.opentelemetry.sdk.trace.export.SpanExporter {

		@Override
		public io.opentelemetry.sdk.common.CompletableResultCode export(java.util.Collection<SpanData> spans) {
			this.received.add((List<SpanData>) spans);
			return io.opentelemetry.sdk.common.CompletableResultCode.ofSuccess();
		}

		@Override
		public io.opentelemetry.sdk.common.CompletableResultCode flush() {
			return io.opentelemetry.sdk.common.CompletableResultCode.ofSuccess();
		}

		@Override
		public io.opentelemetry.sdk.common.CompletableResultCode shutdown() {
			return io.opentelemetry.sdk.common.CompletableResultCode.ofSuccess();
		}

	}

}
