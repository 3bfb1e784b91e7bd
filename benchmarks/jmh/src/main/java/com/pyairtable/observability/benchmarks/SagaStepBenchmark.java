package com.pyairtable.observability.benchmarks;

import java.util.concurrent.TimeUnit;

import com.pyairtable.observability.cardinality.CardinalityGuard;
import com.pyairtable.observability.saga.SagaExecution;
import com.pyairtable.observability.saga.SagaMetrics;
import com.pyairtable.observability.saga.SagaRegistry;
import com.pyairtable.observability.saga.SagaRunner;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One saga step of a running saga: the runner (a child observation timed by Micrometer's
 * observation handler, guarded tags, the operations counter) against the same observation
 * and counter written by hand with Micrometer's API.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SagaStepBenchmark {

	ObservationRegistry raw;

	MeterRegistry rawMeters;

	Observation rawSaga;

	SagaRunner runner;

	SagaExecution saga;

	@Setup(Level.Iteration)
	public void setUp() {
		this.rawMeters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
		this.raw = ObservationRegistry.create();
		this.raw.observationConfig().observationHandler(new DefaultMeterObservationHandler(this.rawMeters));
		this.rawSaga = Observation.start("saga", this.raw).lowCardinalityKeyValue("saga", "record-import");

		MeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
		ObservationRegistry observations = ObservationRegistry.create();
		observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
		CardinalityGuard guard = new CardinalityGuard(100, 100);
		SagaMetrics metrics = new SagaMetrics(guard);
		metrics.bindTo(meters);
		this.runner = new SagaRunner(observations, metrics, new SagaRegistry(), guard);
		this.saga = this.runner.begin("record-import");
	}

	@TearDown(Level.Iteration)
	public void tearDown() {
		this.rawSaga.stop();
		this.saga.complete();
	}

	@Benchmark
	public void rawMicrometer() {
		Observation.createNotStarted("saga.step", this.raw)
			.parentObservation(this.rawSaga)
			.lowCardinalityKeyValue("saga", "record-import")
			.lowCardinalityKeyValue("step", "validate")
			.observe(() -> {
			});
		Counter.builder("saga.operations")
			.tags("saga", "record-import", "step", "validate", "outcome", "success")
			.register(this.rawMeters)
			.increment();
	}

	@Benchmark
	public void runner() throws Exception {
		this.saga.step("validate", () -> {
		}, null);
	}

}
