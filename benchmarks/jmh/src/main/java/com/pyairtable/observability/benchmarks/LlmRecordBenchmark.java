package com.pyairtable.observability.benchmarks;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.pyairtable.observability.cardinality.CardinalityGuard;
import com.pyairtable.observability.llm.LlmCall;
import com.pyairtable.observability.llm.LlmMetrics;
import com.pyairtable.observability.llm.LlmModelPrice;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One LLM call recorded on warm series: the binder (guarded tags, requests, duration
 * histogram, input and output tokens, cost from the price table) against raw Micrometer
 * recording the same five meters with the same tags and the cost computed inline.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class LlmRecordBenchmark {

	private static final Duration TOOK = Duration.ofMillis(850);

	MeterRegistry raw;

	LlmMetrics metrics;

	@Setup
	public void setUp() {
		this.raw = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
		this.metrics = new LlmMetrics(new CardinalityGuard(100, 100),
				Map.of("gemini-2.5-flash", new LlmModelPrice(0.30, 2.50)));
		this.metrics.bindTo(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
		rawMicrometer();
		binder();
	}

	@Benchmark
	public void rawMicrometer() {
		String[] call = { "provider", "google", "model", "gemini-2.5-flash" };
		Counter.builder("llm.requests")
			.tags(call)
			.tags("operation", "chat", "status", "success")
			.register(this.raw)
			.increment();
		Timer.builder("llm.request.duration")
			.tags(call)
			.tag("operation", "chat")
			.publishPercentileHistogram()
			.minimumExpectedValue(Duration.ofMillis(10))
			.maximumExpectedValue(Duration.ofMinutes(2))
			.register(this.raw)
			.record(TOOK);
		Counter.builder("llm.tokens").tags(call).tag("type", "input").register(this.raw).increment(1200);
		Counter.builder("llm.tokens").tags(call).tag("type", "output").register(this.raw).increment(300);
		Counter.builder("llm.cost.usd").tags(call).register(this.raw).increment((1200 * 0.30 + 300 * 2.50) / 1_000_000);
	}

	@Benchmark
	public void binder() {
		this.metrics.recordCall(LlmCall.builder("google", "gemini-2.5-flash")
			.operation("chat")
			.inputTokens(1200)
			.outputTokens(300)
			.duration(TOOK)
			.build());
	}

}
