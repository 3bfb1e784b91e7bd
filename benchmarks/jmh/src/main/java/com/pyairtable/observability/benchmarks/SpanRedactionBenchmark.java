package com.pyairtable.observability.benchmarks;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.pyairtable.observability.logging.SecretRedactor;
import com.pyairtable.observability.tracing.RedactingSpanExporter;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Redaction of one exported server span (twelve attributes, a string array among them,
 * and a resource of six attributes) on the export thread: one with no secret (the path of
 * nearly every span) and one with a token in its URL attribute.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SpanRedactionBenchmark {

	private static final String TOKEN = "patAbCdEfGhIjKlMn.0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

	RedactingSpanExporter exporter;

	List<SpanData> clean;

	List<SpanData> withSecret;

	List<List<SpanData>> fresh;

	int next;

	@Setup
	public void setUp() {
		this.exporter = new RedactingSpanExporter(new DiscardingExporter(), SecretRedactor.withDefaults()::redact);
		this.clean = List.of(span("/api/bases/appA1b2C3d4E5f6G7/tables/Orders/records"));
		this.withSecret = List.of(span("/api/bases/appA1b2C3d4E5f6G7/tables/Orders/records?api_key=" + TOKEN));
		// Spans as a service exports them: the route, method, status and peer repeat;
		// the record path and the request id do not.
		this.fresh = new ArrayList<>();
		for (int i = 0; i < 4096; i++) {
			this.fresh.add(List.of(span("/api/bases/appA1b2C3d4E5f6G7/tables/Orders/records/rec" + (100000 + i),
					"req-" + UUID.randomUUID())));
		}
	}

	private static SpanData span(String uri) {
		return span(uri, null);
	}

	private static SpanData span(String uri, String requestId) {
		SpanData[] captured = new SpanData[1];
		Resource resource = Resource.getDefault()
			.merge(Resource.builder()
				.put("service.name", "airtable-gateway")
				.put("service.version", "1.4.2")
				.put("service.tier", "application")
				.put("deployment.environment.name", "production")
				.build());
		try (SdkTracerProvider provider = SdkTracerProvider.builder()
			.setResource(resource)
			.addSpanProcessor(new Capture(captured))
			.build()) {
			Span span = provider.get("benchmark")
				.spanBuilder("http get /api/bases/{base}/tables/{table}/records")
				.setSpanKind(SpanKind.SERVER)
				.startSpan();
			span.setAttribute("http.request.method", "GET");
			span.setAttribute("uri", uri);
			span.setAttribute("http.route", "/api/bases/{base}/tables/{table}/records");
			span.setAttribute("http.response.status_code", 200L);
			span.setAttribute("outcome", "SUCCESS");
			span.setAttribute("exception", "none");
			span.setAttribute("client.address", "10.0.3.17");
			span.setAttribute("server.port", 8002L);
			span.setAttribute("network.protocol.version", "1.1");
			span.setAttribute("tenant.id", "acme-corp");
			span.setAttribute("error", false);
			span.setAttribute(AttributeKey.stringArrayKey("business.features"), List.of("sync", "export"));
			if (requestId != null) {
				span.setAttribute("request.id", requestId);
			}
			span.end();
		}
		return captured[0];
	}

	@Benchmark
	public CompletableResultCode cleanSpan() {
		return this.exporter.export(this.clean);
	}

	/**
	 * A different span each time, with a record path and a request id never seen before.
	 * @return the export's result
	 */
	@Benchmark
	public CompletableResultCode cleanSpanFreshIds() {
		List<SpanData> span = this.fresh.get(this.next);
		this.next = (this.next + 1) & 4095;
		return this.exporter.export(span);
	}

	@Benchmark
	public CompletableResultCode spanWithSecret() {
		return this.exporter.export(this.withSecret);
	}

	private record Capture(SpanData[] captured) implements SpanProcessor {

		@Override
		public void onStart(Context parentContext, ReadWriteSpan span) {
		}

		@Override
		public boolean isStartRequired() {
			return false;
		}

		@Override
		public void onEnd(ReadableSpan span) {
			this.captured[0] = span.toSpanData();
		}

		@Override
		public boolean isEndRequired() {
			return true;
		}

	}

	private static final class DiscardingExporter implements SpanExporter {

		@Override
		public CompletableResultCode export(Collection<SpanData> spans) {
			return CompletableResultCode.ofSuccess();
		}

		@Override
		public CompletableResultCode flush() {
			return CompletableResultCode.ofSuccess();
		}

		@Override
		public CompletableResultCode shutdown() {
			return CompletableResultCode.ofSuccess();
		}

	}

}
