package com.pyairtable.observability.benchmarks;

import java.util.concurrent.TimeUnit;

import com.pyairtable.observability.logging.SecretRedactor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Redaction of a 200-character log line with the built-in patterns: one with no secret
 * (the path of nearly every line) and one with an Airtable token in it; and of
 * adversarial values (a trigger repeated over 1 KB, 8 KB and 64 KB), whose time per byte
 * must stay flat across sizes for the redactor to be linear.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RedactionBenchmark {

	static final String CLEAN = pad("Fetched 100 records from base appA1b2C3d4E5f6G7 table Orders in 182 ms; "
			+ "cache miss for list page 3 of the view Grid view, request 7f3c9a, tenant acme-corp, retry 0 of 3");

	static final String WITH_SECRET = pad("Airtable call failed for base appA1b2C3d4E5f6G7 with token "
			+ "patAbCdEfGhIjKlMn.0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef after 3 retries");

	SecretRedactor redactor;

	@Setup
	public void setUp() {
		this.redactor = SecretRedactor.withDefaults();
		if (CLEAN.length() != 200 || WITH_SECRET.length() != 200) {
			throw new IllegalStateException("lines must be 200 characters");
		}
		if (this.redactor.redact(WITH_SECRET).equals(WITH_SECRET)) {
			throw new IllegalStateException("the secret line must be redacted");
		}
	}

	private static String pad(String line) {
		StringBuilder padded = new StringBuilder(line);
		while (padded.length() < 200) {
			padded.append('.');
		}
		return padded.substring(0, 200);
	}

	@Benchmark
	public String cleanLine() {
		return this.redactor.redact(CLEAN);
	}

	@Benchmark
	public String lineWithSecret() {
		return this.redactor.redact(WITH_SECRET);
	}

	@Benchmark
	public String adversarial(Adversarial input) {
		return this.redactor.redact(input.value);
	}

	/**
	 * One trigger repeated to the given size: the inputs that made a backtracking rule
	 * quadratic. Divide the score by {@code size} for the time per byte.
	 */
	@State(Scope.Benchmark)
	public static class Adversarial {

		@Param({ "eyJ", "sk-", "pat", "=", "space", "Bearer" })
		String shape;

		@Param({ "1024", "8192", "65536" })
		int size;

		String value;

		@Setup
		public void setUp() {
			String unit = switch (this.shape) {
				case "space" -> " ";
				case "Bearer" -> "Bearer ";
				default -> this.shape;
			};
			StringBuilder value = new StringBuilder(this.size + unit.length());
			while (value.length() < this.size) {
				value.append(unit);
			}
			this.value = value.substring(0, this.size);
		}

	}

}
