package com.pyairtable.observability.reference;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import tools.jackson.databind.json.JsonMapper;

/**
 * Generates {@code docs/reference/properties.md} from the configuration metadata the
 * build writes ({@code META-INF/spring-configuration-metadata.json}): every key with its
 * type, default and description, grouped by the prefix of its properties class.
 */
final class PropertiesReference {

	private PropertiesReference() {
	}

	/**
	 * The page for a metadata file.
	 * @param metadata the {@code spring-configuration-metadata.json} the build generated
	 * @return the page's Markdown
	 */
	@SuppressWarnings("unchecked")
	static String generate(Path metadata) {
		Map<String, Object> json = JsonMapper.builder().build().readValue(metadata.toFile(), Map.class);
		List<Map<String, Object>> groups = (List<Map<String, Object>>) json.getOrDefault("groups", List.of());
		List<Map<String, Object>> properties = (List<Map<String, Object>>) json.getOrDefault("properties", List.of());
		List<Map<String, Object>> hints = (List<Map<String, Object>>) json.getOrDefault("hints", List.of());
		TreeSet<String> prefixes = groups.stream()
			.filter((group) -> !group.containsKey("sourceMethod"))
			.map((group) -> (String) group.get("name"))
			.collect(Collectors.toCollection(TreeSet::new));
		Map<String, String> allowedValues = new LinkedHashMap<>();
		for (Map<String, Object> hint : hints) {
			List<Map<String, Object>> values = (List<Map<String, Object>>) hint.getOrDefault("values", List.of());
			allowedValues.put((String) hint.get("name"),
					values.stream()
						.map((value) -> code(String.valueOf(value.get("value"))))
						.collect(Collectors.joining(", ")));
		}
		Map<String, List<Map<String, Object>>> byPrefix = new TreeMap<>();
		for (Map<String, Object> property : properties) {
			String name = (String) property.get("name");
			byPrefix.computeIfAbsent(prefixOf(name, prefixes), (prefix) -> new ArrayList<>()).add(property);
		}
		StringBuilder page = new StringBuilder();
		page.append("# Configuration properties\n\n");
		page.append("Every key the starter binds, generated from the configuration metadata the build writes\n");
		page.append(
				"(`META-INF/spring-configuration-metadata.json`, the file IDEs complete keys from). Do not edit:\n");
		page.append("`PropertiesReferenceTests` fails when this page and the code differ, and rewrites it with\n\n");
		page.append("```bash\n");
		page.append("./mvnw -pl pyairtable-observability-autoconfigure -am test -Dtest='*ReferenceTests' ")
			.append("-Dsurefire.failIfNoSpecifiedTests=false -Ddocs.update=true\n");
		page.append("```\n\n");
		page.append("What the keys do, with examples: the feature pages of [the docs](../).\n");
		for (Map.Entry<String, List<Map<String, Object>>> entry : byPrefix.entrySet()) {
			page.append("\n## `").append(entry.getKey()).append("`\n\n");
			page.append("| key | type | default | description |\n");
			page.append("| --- | --- | --- | --- |\n");
			List<Map<String, Object>> sorted = new ArrayList<>(entry.getValue());
			sorted.sort(Comparator.comparing((property) -> (String) property.get("name")));
			for (Map<String, Object> property : sorted) {
				String name = (String) property.get("name");
				String description = String.valueOf(property.getOrDefault("description", ""));
				if (allowedValues.containsKey(name)) {
					description = description + (description.isEmpty() ? "" : " ") + "Values: "
							+ allowedValues.get(name) + ".";
				}
				if (property.containsKey("deprecation")) {
					description = "Deprecated. " + description;
				}
				page.append("| ")
					.append(code(name))
					.append(" | ")
					.append(type((String) property.get("type")))
					.append(" | ")
					.append(defaultValue(property.get("defaultValue")))
					.append(" | ")
					.append(cell(description))
					.append(" |\n");
			}
		}
		return page.toString();
	}

	private static String prefixOf(String name, TreeSet<String> prefixes) {
		String best = null;
		for (String prefix : prefixes) {
			if (name.startsWith(prefix + ".") && (best == null || prefix.length() > best.length())) {
				best = prefix;
			}
		}
		return (best != null) ? best : name.substring(0, Math.max(name.lastIndexOf('.'), 0));
	}

	/**
	 * {@code java.util.Map<java.lang.String,a.b.Outer$Alert>} reads
	 * {@code Map<String, Alert>}.
	 */
	private static String type(String type) {
		if (type == null) {
			return "";
		}
		String simple = type.replaceAll("\\b[a-z_][a-z0-9_]*\\.", "").replaceAll("\\w+\\$", "").replace(",", ", ");
		return code(simple);
	}

	private static String defaultValue(Object value) {
		if (value == null) {
			return "";
		}
		if (value instanceof List<?> list) {
			return code(list.stream().map(String::valueOf).collect(Collectors.joining(",")));
		}
		return code(String.valueOf(value));
	}

	private static String code(String text) {
		return "`" + text.replace("|", "\\|") + "`";
	}

	private static String cell(String text) {
		return text.replace("\r", "").replace("\n", " ").replace("|", "\\|").strip();
	}

}
