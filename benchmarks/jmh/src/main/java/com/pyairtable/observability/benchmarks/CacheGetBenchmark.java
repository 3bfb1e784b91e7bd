package com.pyairtable.observability.benchmarks;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.pyairtable.observability.cache.CacheMetrics;
import com.pyairtable.observability.cache.InstrumentedCache;
import com.pyairtable.observability.cardinality.CardinalityGuard;
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

import org.springframework.cache.Cache;
import org.springframework.cache.concurrent.ConcurrentMapCache;

/**
 * A cache hit: Spring's {@link ConcurrentMapCache} undecorated, the same lookup followed
 * by raw Micrometer recording the decorator's two meters, and the lookup through the
 * starter's decorator.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CacheGetBenchmark {

	Cache plain;

	MeterRegistry raw;

	Cache decorated;

	@Setup
	public void setUp() {
		this.plain = new ConcurrentMapCache("records");
		this.plain.put("rec1", "value");
		this.raw = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
		CacheMetrics metrics = new CacheMetrics(new CardinalityGuard(100, 100));
		metrics.bindTo(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
		ConcurrentMapCache target = new ConcurrentMapCache("records");
		target.put("rec1", "value");
		this.decorated = new InstrumentedCache(target, metrics);
	}

	@Benchmark
	public Cache.ValueWrapper undecorated() {
		return this.plain.get("rec1");
	}

	@Benchmark
	public Cache.ValueWrapper undecoratedWithRawMicrometer() {
		long start = System.nanoTime();
		Cache.ValueWrapper value = this.plain.get("rec1");
		Counter.builder("cache.operations")
			.tags("cache", "records", "operation", "get", "result", (value != null) ? "hit" : "miss")
			.register(this.raw)
			.increment();
		Timer.builder("cache.operation.duration")
			.tags("cache", "records", "operation", "get")
			.publishPercentileHistogram()
			.minimumExpectedValue(Duration.ofNanos(1000))
			.maximumExpectedValue(Duration.ofSeconds(1))
			.register(this.raw)
			.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
		return value;
	}

	@Benchmark
	public Cache.ValueWrapper decorated() {
		return this.decorated.get("rec1");
	}

}
