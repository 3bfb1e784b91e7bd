package com.pyairtable.observability.benchmarks;

import java.util.concurrent.TimeUnit;

import com.pyairtable.observability.cardinality.BoundedTag;
import com.pyairtable.observability.cardinality.CardinalityGuard;
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
 * The guard's lookup of a tag value: a warm value already admitted, and values beyond the
 * cap (100 distinct values seen, then a stream of new ones, as under a cardinality
 * attack).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CardinalityGuardBenchmark {

	private static final int ATTACK_VALUES = 1 << 16;

	BoundedTag tag;

	String[] attack;

	int next;

	@Setup
	public void setUp() {
		CardinalityGuard guard = new CardinalityGuard(100, 100);
		guard.bindTo(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
		this.tag = guard.tag("airtable.api.requests", "base");
		for (int i = 0; i < 100; i++) {
			this.tag.value("app" + i);
		}
		this.attack = new String[ATTACK_VALUES];
		for (int i = 0; i < ATTACK_VALUES; i++) {
			this.attack[i] = "appAttack" + i;
		}
	}

	@Benchmark
	public String warmValue() {
		return this.tag.value("app42");
	}

	@Benchmark
	public String overflowingValue() {
		return this.tag.value(this.attack[this.next++ & (ATTACK_VALUES - 1)]);
	}

}
