package com.pyairtable.observability.sample.reliability;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reading a Prometheus text scrape.
 */
final class Scrape {

	private static final Pattern SAMPLE = Pattern
		.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{.*\\})? (\\S+)(?: \\d+)?(?: # .*)?$");

	private Scrape() {
	}

	/**
	 * Sum of the samples of a metric whose labels contain every given
	 * {@code name="value"}.
	 */
	static double sum(String scrape, String metric, String... labels) {
		double sum = 0;
		for (Map.Entry<String, Double> sample : samples(scrape).entrySet()) {
			String series = sample.getKey();
			if (!series.startsWith(metric + "{") && !series.equals(metric)) {
				continue;
			}
			boolean all = true;
			for (String label : labels) {
				all &= series.contains(label);
			}
			if (all) {
				sum += sample.getValue();
			}
		}
		return sum;
	}

	/** Every sample line: series (name and labels) to value. */
	static Map<String, Double> samples(String scrape) {
		Map<String, Double> samples = new HashMap<>();
		for (String line : scrape.split("\n")) {
			if (line.isEmpty() || line.startsWith("#")) {
				continue;
			}
			Matcher matcher = SAMPLE.matcher(line);
			if (!matcher.matches()) {
				throw new IllegalStateException("Not a sample line: " + line);
			}
			String labels = (matcher.group(2) != null) ? matcher.group(2) : "";
			samples.put(matcher.group(1) + labels, Double.parseDouble(matcher.group(3)));
		}
		return samples;
	}

	/**
	 * Names of the metrics declared counters, histograms or summaries (values that only
	 * grow).
	 */
	static Set<String> monotonicFamilies(String scrape) {
		Set<String> families = new HashSet<>();
		for (String line : scrape.split("\n")) {
			if (line.startsWith("# TYPE ")) {
				String[] parts = line.split(" ");
				if (parts[3].equals("counter") || parts[3].equals("histogram") || parts[3].equals("summary")) {
					families.add(parts[2]);
				}
			}
		}
		return families;
	}

	/**
	 * Number of label sets per metric family, a histogram's buckets counted once (its
	 * {@code _bucket}, {@code _count} and {@code _sum} lines and {@code le} values are
	 * one series each in the registry).
	 */
	static Map<String, Integer> seriesPerMetric(String scrape) {
		Map<String, Set<String>> labelSets = new HashMap<>();
		for (String series : samples(scrape).keySet()) {
			int brace = series.indexOf('{');
			String name = (brace >= 0) ? series.substring(0, brace) : series;
			name = name.replaceAll("_(bucket|count|sum|total|max)$", "");
			String labels = (brace >= 0) ? series.substring(brace).replaceAll(",?(le|quantile)=\"[^\"]*\"", "") : "";
			labelSets.computeIfAbsent(name, (key) -> new HashSet<>()).add(labels);
		}
		Map<String, Integer> counts = new HashMap<>();
		labelSets.forEach((name, sets) -> counts.put(name, sets.size()));
		return counts;
	}

}
