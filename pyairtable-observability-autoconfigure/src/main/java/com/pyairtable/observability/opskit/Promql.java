package com.pyairtable.observability.opskit;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * Formats numbers and durations the way PromQL and Prometheus configuration files write
 * them.
 */
public final class Promql {

	private Promql() {
	}

	/**
	 * Formats a number without exponent or trailing zeros ({@code 0.1}, {@code 3}).
	 * @param value the number
	 * @return its plain text
	 */
	public static String number(double value) {
		if (value == Math.rint(value) && Math.abs(value) < 1e15) {
			return Long.toString((long) value);
		}
		return new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
	}

	/**
	 * Formats a duration in the largest whole Prometheus unit ({@code 30d}, {@code 5m},
	 * {@code 90s}, {@code 0s}).
	 * @param duration the duration
	 * @return the Prometheus duration
	 */
	public static String duration(Duration duration) {
		long millis = duration.toMillis();
		if (millis == 0) {
			return "0s";
		}
		long[] sizes = { 86_400_000L, 3_600_000L, 60_000L, 1_000L, 1L };
		String[] units = { "d", "h", "m", "s", "ms" };
		for (int i = 0; i < sizes.length; i++) {
			if (millis % sizes[i] == 0) {
				return (millis / sizes[i]) + units[i];
			}
		}
		return millis + "ms";
	}

	/**
	 * A label matcher on the {@code le} label of a Micrometer histogram for a bucket
	 * bound, which Micrometer writes as {@code 1.0} for whole seconds and {@code 0.25}
	 * otherwise.
	 * @param seconds the bound in seconds
	 * @return the matcher, such as {@code le=~"1|1\\.0"}
	 */
	public static String leMatcher(double seconds) {
		String plain = number(seconds);
		if (seconds == Math.rint(seconds)) {
			return "le=~\"" + plain + "|" + plain + "\\\\.0\"";
		}
		return "le=\"" + plain + "\"";
	}

}
