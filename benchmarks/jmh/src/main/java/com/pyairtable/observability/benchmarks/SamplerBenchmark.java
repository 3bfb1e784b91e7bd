package com.pyairtable.observability.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import com.pyairtable.observability.tracing.PolicySampler;
import com.pyairtable.observability.tracing.RemoteParentPolicy;
import com.pyairtable.observability.tracing.RequestInfo;
import com.pyairtable.observability.tracing.SamplingRule;
import com.pyairtable.observability.tracing.TracesPerSecondLimiter;
import com.pyairtable.observability.tracing.TracingMetrics;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanId;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceId;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.samplers.SamplingResult;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The sampler's decision for a new trace, as the starter configures it by default: the
 * management paths never traced (seven path rules), then the ratio, then the
 * traces-per-second cap (off here, so that ratio 1.0 measures the decision and not the
 * cap's refusals), with the request's method and path current on the thread, as the
 * starter's filter makes them; and for a local root under a caller's sampled
 * {@code traceparent} ({@code remote-parent: cap}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SamplerBenchmark {

	private static final int TRACE_IDS = 1024;

	@Param({ "0.1", "1.0" })
	double ratio;

	PolicySampler sampler;

	/**
	 * As the starter configures it, with a cap that never refuses: the cap's bucket is
	 * taken on every decision.
	 */
	PolicySampler cappedSampler;

	String[] traceIds;

	Context[] remoteParents;

	int next;

	@Setup
	public void setUp() {
		this.sampler = defaultSampler(this.ratio, new TracingMetrics());
		this.cappedSampler = new PolicySampler(List.of(), this.ratio,
				new TracesPerSecondLimiter(1e12, System::nanoTime), true, new TracingMetrics(), RemoteParentPolicy.CAP);
		// The filter's thread-local, as on a request thread (JMH runs setup on the
		// benchmark thread).
		new RequestInfo("GET", "/api/items/42").makeCurrent();
		this.traceIds = new String[TRACE_IDS];
		for (int i = 0; i < TRACE_IDS; i++) {
			ThreadLocalRandom random = ThreadLocalRandom.current();
			this.traceIds[i] = TraceId.fromLongs(random.nextLong(), random.nextLong());
		}
		// A caller's traceparent with the sampled flag, as the server span's parent.
		this.remoteParents = new Context[TRACE_IDS];
		for (int i = 0; i < TRACE_IDS; i++) {
			SpanContext parent = SpanContext.createFromRemoteParent(this.traceIds[i],
					SpanId.fromLong(ThreadLocalRandom.current().nextLong() | 1), TraceFlags.getSampled(),
					TraceState.getDefault());
			this.remoteParents[i] = Context.root().with(Span.wrap(parent));
		}
	}

	static PolicySampler defaultSampler(double ratio, TracingMetrics metrics) {
		List<SamplingRule> rules = new ArrayList<>();
		for (String path : List.of("/actuator/**", "/health", "/health/**", "/live", "/ready", "/metrics")) {
			rules.add(SamplingRule.never(path));
		}
		return new PolicySampler(rules, ratio, new TracesPerSecondLimiter(0, System::nanoTime), true, metrics,
				RemoteParentPolicy.CAP);
	}

	@Benchmark
	public SamplingResult decision() {
		return this.sampler.shouldSample(Context.root(), this.traceIds[this.next++ & (TRACE_IDS - 1)],
				"http get /api/items/{id}", SpanKind.SERVER, Attributes.empty(), List.of());
	}

	/**
	 * A local root under a caller's sampled {@code traceparent}, the cap off.
	 * @return the sampling decision
	 */
	@Benchmark
	public SamplingResult remoteParentDecision() {
		int i = this.next++ & (TRACE_IDS - 1);
		return this.sampler.shouldSample(this.remoteParents[i], this.traceIds[i], "http get /api/items/{id}",
				SpanKind.SERVER, Attributes.empty(), List.of());
	}

	/**
	 * A local root under a caller's sampled {@code traceparent}, taking a token from the
	 * cap.
	 * @return the sampling decision
	 */
	@Benchmark
	public SamplingResult remoteParentDecisionUnderCap() {
		int i = this.next++ & (TRACE_IDS - 1);
		return this.cappedSampler.shouldSample(this.remoteParents[i], this.traceIds[i], "http get /api/items/{id}",
				SpanKind.SERVER, Attributes.empty(), List.of());
	}

}
