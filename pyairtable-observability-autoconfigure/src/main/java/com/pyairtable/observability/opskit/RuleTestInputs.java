package com.pyairtable.observability.opskit;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builders of promtool test inputs for the shapes of expression the alerts use: a share
 * of a counter over a window, a histogram quantile, a counter's increase, a gauge, and a
 * count of instances in a bad state.
 */
final class RuleTestInputs {

	/** The value of the {@code service} label in generated tests. */
	static final String SERVICE = "svc";

	private static final Duration MINUTE = Duration.ofMinutes(1);

	private static final Duration MARGIN = Duration.ofMinutes(5);

	private RuleTestInputs() {
	}

	static Map<String, String> labels(String... pairs) {
		Map<String, String> labels = new LinkedHashMap<>();
		labels.put("service", SERVICE);
		for (int i = 0; i < pairs.length; i += 2) {
			labels.put(pairs[i], pairs[i + 1]);
		}
		return labels;
	}

	static String series(String metric, Map<String, String> labels) {
		StringBuilder selector = new StringBuilder(metric).append('{');
		labels.forEach((name, value) -> {
			if (selector.charAt(selector.length() - 1) != '{') {
				selector.append(',');
			}
			selector.append(name).append("=\"").append(value).append('"');
		});
		return selector.append('}').toString();
	}

	static Map<String, String> with(Map<String, String> labels, String name, String value) {
		Map<String, String> copy = new LinkedHashMap<>(labels);
		copy.put(name, value);
		return copy;
	}

	/**
	 * The share of samples labelled {@code name=bad} among {@code bad} and {@code good}
	 * must be above (or below) the threshold.
	 */
	static RuleTestCase.Factory share(String metric, Map<String, String> labels, String name, String bad, String good,
			Duration window, boolean above, Map<String, String> alertLabels) {
		return (threshold, forDuration) -> {
			double firing = above ? Math.min(1, Math.max(threshold * 1.5, threshold + 0.01))
					: Math.max(0, threshold * 0.9);
			double silent = above ? threshold * 0.9 : threshold + (1 - threshold) * 0.2;
			Duration eval = window.plus(forDuration).plus(MARGIN);
			return new RuleTestCase(MINUTE, eval, shareSeries(metric, labels, name, bad, good, firing, eval),
					shareSeries(metric, labels, name, bad, good, silent, eval), alertLabels);
		};
	}

	private static Map<String, String> shareSeries(String metric, Map<String, String> labels, String name, String bad,
			String good, double share, Duration eval) {
		Map<String, String> series = new LinkedHashMap<>();
		series.put(series(metric, with(labels, name, bad)), counter(1000 * share, eval, MINUTE));
		series.put(series(metric, with(labels, name, good)), counter(1000 * (1 - share), eval, MINUTE));
		return series;
	}

	/**
	 * The quantile of a histogram must be above the threshold (seconds): 10% of the
	 * observations fall between the threshold and twice it when firing, none when silent.
	 */
	static RuleTestCase.Factory quantile(String metric, Map<String, String> labels, Duration window,
			Map<String, String> alertLabels) {
		return (threshold, forDuration) -> {
			Duration eval = window.plus(forDuration).plus(MARGIN);
			return new RuleTestCase(MINUTE, eval, buckets(metric, labels, threshold, 1110, eval),
					buckets(metric, labels, threshold, 1000, eval), alertLabels);
		};
	}

	private static Map<String, String> buckets(String metric, Map<String, String> labels, double threshold,
			double total, Duration eval) {
		Map<String, String> series = new LinkedHashMap<>();
		series.put(series(metric, with(labels, "le", Promql.number(threshold))), counter(1000, eval, MINUTE));
		series.put(series(metric, with(labels, "le", Promql.number(threshold * 2))), counter(total, eval, MINUTE));
		series.put(series(metric, with(labels, "le", "+Inf")), counter(total, eval, MINUTE));
		return series;
	}

	/**
	 * The increase of a counter over the window must be above the threshold.
	 */
	static RuleTestCase.Factory increase(String metric, Map<String, String> labels, Duration window,
			Map<String, String> alertLabels) {
		return (threshold, forDuration) -> {
			Duration eval = window.plus(forDuration).plus(MARGIN);
			double steps = window.toMinutes();
			double firing = Math.max(threshold * 1.5, threshold + 1) / steps;
			double silent = Math.max(0, threshold * 0.9) / steps;
			return new RuleTestCase(MINUTE, eval, Map.of(series(metric, labels), counter(firing, eval, MINUTE)),
					Map.of(series(metric, labels), counter(silent, eval, MINUTE)), alertLabels);
		};
	}

	/**
	 * A gauge must be above the threshold.
	 */
	static RuleTestCase.Factory gauge(String metric, Map<String, String> labels, Map<String, String> alertLabels) {
		return (threshold, forDuration) -> {
			Duration eval = forDuration.plus(MARGIN);
			double firing = threshold + Math.max(0.01, Math.abs(threshold) * 0.1);
			double silent = threshold - Math.max(0.01, Math.abs(threshold) * 0.05);
			return new RuleTestCase(MINUTE, eval, Map.of(series(metric, labels), constant(firing, eval)),
					Map.of(series(metric, labels), constant(silent, eval)), alertLabels);
		};
	}

	/**
	 * The ratio of two gauges (used over max, max fixed at 1000) must be above the
	 * threshold; {@code extra} series (such as pending connections at 0) join both
	 * inputs.
	 */
	static RuleTestCase.Factory usage(String used, String max, Map<String, String> labels, Map<String, String> extra,
			Map<String, String> alertLabels) {
		return (threshold, forDuration) -> {
			Duration eval = forDuration.plus(MARGIN);
			Map<String, String> firing = new LinkedHashMap<>(extra);
			firing.put(series(used, labels), constant(Math.min(1000, threshold * 1000 * 1.05 + 1), eval));
			firing.put(series(max, labels), constant(1000, eval));
			Map<String, String> silent = new LinkedHashMap<>(extra);
			silent.put(series(used, labels), constant(threshold * 1000 * 0.98, eval));
			silent.put(series(max, labels), constant(1000, eval));
			return new RuleTestCase(MINUTE, eval, firing, silent, alertLabels);
		};
	}

	/**
	 * More than threshold series of a gauge must be in the bad state: threshold + 1 are
	 * when firing, threshold (and one healthy series) when silent.
	 */
	static RuleTestCase.Factory badCount(String metric, Map<String, String> labels, String instanceLabel, double bad,
			double good, Map<String, String> alertLabels) {
		return (threshold, forDuration) -> {
			Duration eval = forDuration.plus(MARGIN);
			int over = (int) Math.floor(Math.max(0, threshold)) + 1;
			Map<String, String> firing = new LinkedHashMap<>();
			Map<String, String> silent = new LinkedHashMap<>();
			for (int i = 0; i < over; i++) {
				firing.put(series(metric, with(labels, instanceLabel, "i" + i)), constant(bad, eval));
				silent.put(series(metric, with(labels, instanceLabel, "i" + i)),
						constant((i < over - 1) ? bad : good, eval));
			}
			return new RuleTestCase(MINUTE, eval, firing, silent, alertLabels);
		};
	}

	/**
	 * The fleet's Airtable calls over 30 days must be above the threshold share of the
	 * quota (40000): a counter from zero, so its increase at the check is known exactly.
	 */
	static RuleTestCase.Factory quota() {
		return (threshold, forDuration) -> {
			Duration eval = Duration.ofHours(3).plus(forDuration);
			String requests = series("airtable_api_requests_total", labels("operation", "list"));
			String quota = series("airtable_api_monthly_quota", labels());
			double perMinute = 40000.0 / eval.toMinutes();
			return new RuleTestCase(MINUTE, eval,
					Map.of(requests, counter(perMinute * threshold * 1.5, eval, MINUTE), quota, constant(40000, eval)),
					Map.of(requests, counter(perMinute * threshold * 0.9, eval, MINUTE), quota, constant(40000, eval)),
					Map.of());
		};
	}

	static String counter(double step, Duration eval, Duration interval) {
		return "0+" + Promql.number(round(step)) + "x" + samples(eval, interval);
	}

	static String constant(double value, Duration eval) {
		return constant(value, eval, MINUTE);
	}

	static String constant(double value, Duration eval, Duration interval) {
		return Promql.number(round(value)) + "x" + samples(eval, interval);
	}

	private static long samples(Duration eval, Duration interval) {
		return eval.dividedBy(interval) + 5;
	}

	private static double round(double value) {
		return Math.round(value * 1_000_000d) / 1_000_000d;
	}

}
