package com.pyairtable.observability.benchmarks;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.pyairtable.observability.airtable.AirtableMetrics;
import com.pyairtable.observability.airtable.AirtableRequest;
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

/**
 * One Airtable call recorded on a warm series: the binder (URL parsed into base, table
 * and operation, guarded tags, counter and histogram) against raw Micrometer recording
 * the same two meters with the same tags already known.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class AirtableRecordBenchmark {

	private static final String API = "https://api.airtable.com";

	private static final URI CALL = URI
		.create("https://api.airtable.com/v0/appA1b2C3d4E5f6G7/Orders/rec0123456789ABCD");

	MeterRegistry raw;

	AirtableMetrics metrics;

	@Setup
	public void setUp() {
		this.raw = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
		this.metrics = new AirtableMetrics(new CardinalityGuard(100, 100), null, 0);
		this.metrics.bindTo(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
		rawMicrometer();
		binder();
	}

	@Benchmark
	public void rawMicrometer() {
		Counter.builder("airtable.api.requests")
			.tags("base", "appA1b2C3d4E5f6G7", "table", "Orders", "operation", "get", "status", "200")
			.register(this.raw)
			.increment();
		Timer.builder("airtable.api.duration")
			.tags("base", "appA1b2C3d4E5f6G7", "operation", "get")
			.publishPercentileHistogram()
			.minimumExpectedValue(Duration.ofMillis(5))
			.maximumExpectedValue(Duration.ofSeconds(30))
			.register(this.raw)
			.record(42_000_000L, TimeUnit.NANOSECONDS);
	}

	@Benchmark
	public void binder() {
		AirtableRequest request = AirtableRequest.parse(API, "GET", CALL);
		this.metrics.recordCall(request, 200, 42_000_000L);
	}

}
