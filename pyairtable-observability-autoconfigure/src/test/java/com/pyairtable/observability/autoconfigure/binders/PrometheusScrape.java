package com.pyairtable.observability.autoconfigure.binders;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed Prometheus text exposition: samples with their labels, and the declared types.
 */
final class PrometheusScrape {

	private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)\\})?\\s+\\S+.*$");

	private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

	private final List<Sample> samples = new ArrayList<>();

	private final Map<String, String> types = new LinkedHashMap<>();

	PrometheusScrape(String text) {
		for (String line : text.split("\n")) {
			if (line.startsWith("# TYPE ")) {
				String[] parts = line.split(" ");
				this.types.put(parts[2], parts[3]);
			}
			else if (!line.startsWith("#") && !line.isBlank()) {
				Matcher matcher = SAMPLE.matcher(line);
				if (matcher.matches()) {
					Map<String, String> labels = new LinkedHashMap<>();
					if (matcher.group(3) != null) {
						Matcher label = LABEL.matcher(matcher.group(3));
						while (label.find()) {
							labels.put(label.group(1), label.group(2));
						}
					}
					this.samples.add(new Sample(matcher.group(1), labels));
				}
			}
		}
	}

	List<Sample> samples(String name) {
		return this.samples.stream().filter((sample) -> sample.name().equals(name)).toList();
	}

	String type(String family) {
		return this.types.get(family);
	}

	record Sample(String name, Map<String, String> labels) {
	}

}
