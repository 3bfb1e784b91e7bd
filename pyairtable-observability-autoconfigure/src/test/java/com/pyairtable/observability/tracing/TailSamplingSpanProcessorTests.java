package com.pyairtable.observability.tracing;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.IdGenerator;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

class TailSamplingSpanProcessorTests {

	private final TracingMetrics metrics = new TracingMetrics();

	private final InMemorySpanExporter exporter = InMemorySpanExporter.create();

	private final AtomicLong clock = new AtomicLong();

	private SdkTracerProvider provider;

	@AfterEach
	void close() {
		if (this.provider != null) {
			this.provider.close();
		}
	}

	@Test
	void failedRootKeepsTheWholeLocalTrace() {
		Tracer tracer = tracer(100, Duration.ofMinutes(1));
		Span root = tracer.spanBuilder("root").startSpan();
		try (Scope scope = root.makeCurrent()) {
			tracer.spanBuilder("child-1").startSpan().end();
			tracer.spanBuilder("child-2").startSpan().end();
		}
		root.setStatus(StatusCode.ERROR);
		root.end();
		List<SpanData> spans = this.exporter.getFinishedSpanItems();
		assertThat(spans).extracting(SpanData::getName).containsExactly("child-1", "child-2", "root");
		assertThat(spans).allSatisfy((span) -> assertThat(span.getSpanContext().isSampled()).isTrue());
		assertThat(spans.get(2).getAttributes().get(KeptSpan.SAMPLING_REASON)).isEqualTo("error");
		assertThat(this.metrics.decisionCount(TracingMetricNames.SAMPLED, TracingMetricNames.REASON_ERROR))
			.isEqualTo(1);
	}

	@Test
	void slowRootIsKeptAndOrdinaryRootIsReleased() {
		Tracer tracer = tracer(100, Duration.ofMinutes(1));
		Span ordinary = tracer.spanBuilder("ordinary").startSpan();
		try (Scope scope = ordinary.makeCurrent()) {
			tracer.spanBuilder("ordinary-child").startSpan().end();
		}
		ordinary.end();
		assertThat(this.exporter.getFinishedSpanItems()).isEmpty();
		long start = 1_000_000_000L;
		Span slow = tracer.spanBuilder("slow")
			.setStartTimestamp(start, java.util.concurrent.TimeUnit.NANOSECONDS)
			.startSpan();
		slow.end(start + Duration.ofSeconds(3).toNanos(), java.util.concurrent.TimeUnit.NANOSECONDS);
		assertThat(this.exporter.getFinishedSpanItems()).singleElement()
			.satisfies((span) -> assertThat(span.getAttributes().get(KeptSpan.SAMPLING_REASON)).isEqualTo("slow"));
	}

	@Test
	void overflowDropsTheOldestAndCountsIt() {
		TailSamplingSpanProcessor[] tail = new TailSamplingSpanProcessor[1];
		Tracer tracer = tracer(2, Duration.ofMinutes(1), tail);
		Span root = tracer.spanBuilder("root").startSpan();
		try (Scope scope = root.makeCurrent()) {
			for (int i = 0; i < 5; i++) {
				tracer.spanBuilder("child-" + i).startSpan().end();
			}
		}
		assertThat(tail[0].getBufferedSpans()).isEqualTo(2);
		root.recordException(new IllegalStateException("boom"));
		root.end();
		assertThat(this.exporter.getFinishedSpanItems()).extracting(SpanData::getName)
			.containsExactly("child-3", "child-4", "root");
		assertThat(this.metrics.droppedCount(TracingMetricNames.TAIL_OVERFLOW)).isEqualTo(3);
		assertThat(tail[0].getBufferedSpans()).isZero();
	}

	@Test
	void spansOlderThanMaxAgeAreReleased() {
		TailSamplingSpanProcessor[] tail = new TailSamplingSpanProcessor[1];
		Tracer tracer = tracer(100, Duration.ofSeconds(30), tail);
		Span abandoned = tracer.spanBuilder("abandoned").startSpan();
		try (Scope scope = abandoned.makeCurrent()) {
			tracer.spanBuilder("orphan").startSpan().end();
		}
		this.clock.addAndGet(Duration.ofSeconds(31).toNanos());
		Span other = tracer.spanBuilder("other").startSpan();
		try (Scope scope = other.makeCurrent()) {
			tracer.spanBuilder("fresh").startSpan().end();
		}
		assertThat(tail[0].getBufferedSpans()).isEqualTo(1);
	}

	@ParameterizedTest
	@EnumSource(RemoteParentPolicy.class)
	void failedAndSlowRootsUnderDroppedRemoteParentsAreKept(RemoteParentPolicy policy) {
		// Ratio 0 and a cap of one trace a second, taken by the first sampled caller.
		Tracer tracer = tracer(100, Duration.ofMinutes(1), new TailSamplingSpanProcessor[1], policy, 1);
		tracer.spanBuilder("first").setParent(remoteParent(TraceFlags.getSampled())).startSpan().end();
		this.exporter.reset();
		Span capped = tracer.spanBuilder("capped").setParent(remoteParent(TraceFlags.getSampled())).startSpan();
		try (Scope scope = capped.makeCurrent()) {
			tracer.spanBuilder("capped-child").startSpan().end();
		}
		capped.setStatus(StatusCode.ERROR);
		capped.end();
		Span unsampled = tracer.spanBuilder("unsampled")
			.setParent(remoteParent(TraceFlags.getDefault()))
			.setStartTimestamp(1, TimeUnit.SECONDS)
			.startSpan();
		unsampled.end(4, TimeUnit.SECONDS);
		Span ordinary = tracer.spanBuilder("ordinary").setParent(remoteParent(TraceFlags.getDefault())).startSpan();
		ordinary.end();
		assertThat(this.exporter.getFinishedSpanItems()).as(policy.name())
			.extracting(SpanData::getName)
			.containsExactly("capped-child", "capped", "unsampled");
	}

	private static Context remoteParent(TraceFlags flags) {
		SpanContext parent = SpanContext.createFromRemoteParent(IdGenerator.random().generateTraceId(),
				IdGenerator.random().generateSpanId(), flags, TraceState.getDefault());
		return Context.root().with(Span.wrap(parent));
	}

	private Tracer tracer(int maxSpans, Duration maxAge) {
		return tracer(maxSpans, maxAge, new TailSamplingSpanProcessor[1]);
	}

	private Tracer tracer(int maxSpans, Duration maxAge, TailSamplingSpanProcessor[] holder) {
		return tracer(maxSpans, maxAge, holder, RemoteParentPolicy.HONOUR, 0);
	}

	private Tracer tracer(int maxSpans, Duration maxAge, TailSamplingSpanProcessor[] holder, RemoteParentPolicy policy,
			double perSecond) {
		SimpleSpanProcessor export = (SimpleSpanProcessor) SimpleSpanProcessor.create(this.exporter);
		holder[0] = new TailSamplingSpanProcessor(() -> export, Duration.ofSeconds(2), maxSpans, maxAge, this.metrics,
				this.clock::get);
		PolicySampler sampler = new PolicySampler(List.of(), 0.0,
				new TracesPerSecondLimiter(perSecond, this.clock::get), true, this.metrics, policy);
		this.provider = SdkTracerProvider.builder()
			.setSampler(sampler)
			.addSpanProcessor(holder[0])
			.addSpanProcessor(export)
			.build();
		return this.provider.get("test");
	}

}
