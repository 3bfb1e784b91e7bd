package com.pyairtable.observability.benchmarks;

import java.util.concurrent.TimeUnit;

import com.pyairtable.observability.core.ServiceIdentity;
import com.pyairtable.observability.core.ServiceIdentityMeterFilter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One {@code /actuator/prometheus} scrape, as text, of a registry holding the given
 * number of series, each with the four identity labels.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ScrapeBenchmark {

	@Param({ "1000", "10000" })
	int series;

	PrometheusMeterRegistry registry;

	@Setup
	public void setUp() {
		this.registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
		this.registry.config()
			.meterFilter(new ServiceIdentityMeterFilter(
					new ServiceIdentity("airtable-gateway", "1.0.0", "application", "production")));
		for (int i = 0; i < this.series; i++) {
			Counter.builder("airtable.api.requests")
				.tags("base", "app" + (i % 50), "table", "tbl" + (i / 50), "operation", "list", "status", "200")
				.register(this.registry)
				.increment(i);
		}
	}

	@Benchmark
	public String scrape() {
		return this.registry.scrape();
	}

}
