package com.pyairtable.observability.benchmarks;

import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.pyairtable.observability.logging.RequestIds;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Threads;

/**
 * The request id of a request that came without one, on two request threads at once: the
 * starter's id against {@link UUID#randomUUID()} (what it used before, and what a
 * hand-written filter usually calls), which shares one {@code SecureRandom}. And an
 * incoming id checked and kept.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Threads(2)
public class RequestIdBenchmark {

	@Benchmark
	public String jdkRandomUuid() {
		return UUID.randomUUID().toString();
	}

	@Benchmark
	public String newRequestId() {
		return RequestIds.accept(null);
	}

	@Benchmark
	public String incomingRequestId() {
		return RequestIds.accept("7f3c9a2e-1b4d-4c8e-9f0a-3d5e6b7c8a9f");
	}

}
