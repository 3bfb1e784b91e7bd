package com.pyairtable.observability.benchmarks;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import com.pyairtable.observability.tracing.RequestInfo;
import com.pyairtable.observability.tracing.TailSamplingSpanProcessor;
import com.pyairtable.observability.tracing.TracingMetrics;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SdkTracerProviderBuilder;
import io.opentelemetry.sdk.trace.SpanProcessor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One request's trace (a server span with the attributes Micrometer's HTTP observation
 * sets, and one child span) through the OpenTelemetry SDK with the starter's sampler,
 * with tail keeping on (head-dropped spans are recorded, buffered, and dropped when the
 * root ends neither failed nor slow) and off (head-dropped spans are no-ops). The
 * difference at a given ratio is the tail buffer's cost; at 1.0 every span is sampled and
 * the buffer is bypassed.
 */
@State(org.openjdk.jmh.annotations.Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class TailBufferBenchmark {

	@Param({ "0.1", "1.0" })
	double ratio;

	@Param({ "true", "false" })
	boolean tail;

	SdkTracerProvider provider;

	Tracer tracer;

	final LongAdder exported = new LongAdder();

	@Setup
	public void setUp() {
		TracingMetrics metrics = new TracingMetrics();
		SpanProcessor export = new CountingProcessor(this.exported);
		SdkTracerProviderBuilder builder = SdkTracerProvider.builder()
			.setSampler(SamplerBenchmark.defaultSampler(this.ratio, metrics));
		if (this.tail) {
			builder.addSpanProcessor(new TailSamplingSpanProcessor(() -> export, Duration.ofSeconds(2), 2048,
					Duration.ofSeconds(60), metrics, System::nanoTime));
		}
		this.provider = builder.addSpanProcessor(export).build();
		this.tracer = this.provider.get("benchmark");
		new RequestInfo("GET", "/api/items/42").makeCurrent();
	}

	@TearDown
	public void tearDown() {
		this.provider.close();
	}

	@Benchmark
	public void trace() {
		Span server = this.tracer.spanBuilder("http get /api/items/{id}")
			.setSpanKind(SpanKind.SERVER)
			.setNoParent()
			.startSpan();
		try (Scope scope = server.makeCurrent()) {
			Span child = this.tracer.spanBuilder("items.find").startSpan();
			child.setAttribute("db.system", "h2");
			child.end();
		}
		server.setAttribute("method", "GET");
		server.setAttribute("uri", "/api/items/{id}");
		server.setAttribute("status", "200");
		server.setAttribute("outcome", "SUCCESS");
		server.setAttribute("exception", "none");
		server.setAttribute("http.url", "/api/items/42");
		server.end();
	}

	/** Stands in for Boot's batch processor: takes the sampled spans. */
	private record CountingProcessor(LongAdder exported) implements SpanProcessor {

		@Override
		public void onStart(Context parentContext, ReadWriteSpan span) {
		}

		@Override
		public boolean isStartRequired() {
			return false;
		}

		@Override
		public void onEnd(ReadableSpan span) {
			if (span.getSpanContext().isSampled()) {
				this.exported.increment();
			}
		}

		@Override
		public boolean isEndRequired() {
			return true;
		}

	}

}
