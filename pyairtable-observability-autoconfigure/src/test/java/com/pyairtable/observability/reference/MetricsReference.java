package com.pyairtable.observability.reference;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Generates {@code docs/reference/metrics.md} from the meter-name constants of the
 * runtime packages ({@code com.pyairtable.observability.<feature>}).
 * <p>
 * A meter name is a {@code public static final String} whose Javadoc starts with the
 * meter's type ({@code Counter}, {@code Timer}, {@code Gauge},
 * {@code Distribution summary}, {@code Observation}), as the feature's names class writes
 * them. The sources say which constants are meter names and what they mean; each value is
 * read by reflection from the compiled class, so the page shows the name the code
 * registers.
 */
final class MetricsReference {

	private static final Pattern CONSTANT = Pattern
		.compile("/\\*\\*((?:(?!\\*/).)*)\\*/\\s*public static final String (\\w+)\\s*=", Pattern.DOTALL);

	private static final Pattern METER_TYPE = Pattern
		.compile("^(Counter|Timer|Gauge|Distribution summary|Long task timer|Observation)\\b");

	private static final Pattern CODE = Pattern
		.compile("\\{@(?:code|link|linkplain) ([^{}]*(?:\\{[^{}]*\\}[^{}]*)*)\\}");

	private static final String RUNTIME_PACKAGE = "com.pyairtable.observability";

	private MetricsReference() {
	}

	/**
	 * The page for a source tree.
	 * @param sources the module's {@code src/main/java}
	 * @return the page's Markdown
	 */
	static String generate(Path sources) {
		Map<String, List<Meter>> byFeature = new TreeMap<>();
		for (Meter meter : meters(sources)) {
			byFeature.computeIfAbsent(meter.feature(), (feature) -> new ArrayList<>()).add(meter);
		}
		StringBuilder page = new StringBuilder();
		page.append("# Metrics\n\n");
		page.append("Every meter the starter registers under a name of its own, generated from the meter-name\n");
		page.append("constants of the code (`com.pyairtable.observability.<feature>`). Do not edit:\n");
		page.append("`MetricsReferenceTests` fails when this page and the code differ, and rewrites it with\n\n");
		page.append("```bash\n");
		page.append("./mvnw -pl pyairtable-observability-autoconfigure -am test -Dtest='*ReferenceTests' ")
			.append("-Dsurefire.failIfNoSpecifiedTests=false -Ddocs.update=true\n");
		page.append("```\n\n");
		page.append("Every meter also carries the identity labels `service`, `version`, `tier` and `environment`,\n");
		page.append("and timers made from Observations carry Micrometer's `error` label. The Prometheus name is\n");
		page.append("the scraped one; the Micrometer name is the one `MeterFilter`s, `management.metrics.*` keys\n");
		page.append("and the OTLP push use. Meters of Spring Boot, Micrometer and the libraries that the starter\n");
		page.append("shapes but does not name (`http_server_requests_seconds`, `http_client_requests_seconds`,\n");
		page.append("`jvm_*`, `hikaricp_*`, `lettuce_*`, `resilience4j_*`) are described on the feature pages of\n");
		page.append("[the docs](../).\n");
		for (Map.Entry<String, List<Meter>> entry : byFeature.entrySet()) {
			page.append("\n## ").append(entry.getKey()).append("\n\n");
			page.append("| Prometheus name | type | Micrometer name | description | constant |\n");
			page.append("| --- | --- | --- | --- | --- |\n");
			List<Meter> meters = new ArrayList<>(entry.getValue());
			meters.sort(Comparator.comparing(Meter::name));
			for (Meter meter : meters) {
				page.append("| `")
					.append(meter.prometheusName())
					.append("` | ")
					.append(meter.type().toLowerCase())
					.append(" | `")
					.append(meter.name())
					.append("` | ")
					.append(meter.description())
					.append(" | `")
					.append(meter.constant())
					.append("` |\n");
			}
		}
		return page.toString();
	}

	/**
	 * Every meter name constant of the runtime packages.
	 * @param sources the module's {@code src/main/java}
	 * @return the meters, in no particular order
	 */
	static List<Meter> meters(Path sources) {
		Path root = sources.resolve(RUNTIME_PACKAGE.replace('.', '/'));
		List<Meter> meters = new ArrayList<>();
		try (Stream<Path> files = Files.walk(root)) {
			List<Path> javaFiles = files.filter((file) -> file.toString().endsWith(".java"))
				.filter((file) -> !root.relativize(file).startsWith("autoconfigure"))
				.sorted()
				.toList();
			for (Path file : javaFiles) {
				String className = sources.relativize(file).toString().replace(".java", "").replace('/', '.');
				Matcher constant = CONSTANT.matcher(Files.readString(file, StandardCharsets.UTF_8));
				while (constant.find()) {
					String javadoc = javadoc(constant.group(1));
					Matcher type = METER_TYPE.matcher(javadoc);
					if (type.find()) {
						meters.add(meter(className, constant.group(2), type.group(1), javadoc));
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return meters;
	}

	private static Meter meter(String className, String fieldName, String type, String javadoc) {
		String name = value(className, fieldName);
		String feature = className.substring(RUNTIME_PACKAGE.length() + 1, className.lastIndexOf('.'));
		String base = name.replace('.', '_');
		String prometheusName = null;
		Matcher code = CODE.matcher(javadoc);
		while (code.find() && prometheusName == null) {
			if (code.group(1).startsWith(base)) {
				prometheusName = code.group(1);
			}
		}
		if (prometheusName == null) {
			prometheusName = switch (type) {
				case "Counter" -> base + "_total";
				case "Timer", "Long task timer", "Observation" -> base + "_seconds";
				default -> base;
			};
		}
		String simpleName = className.substring(className.lastIndexOf('.') + 1);
		String description = CODE.matcher(javadoc)
			.replaceAll((match) -> "`" + Matcher.quoteReplacement(match.group(1).replaceFirst("^#", "")) + "`");
		return new Meter(feature, name, type, prometheusName, description.replace("|", "\\|"),
				simpleName + "." + fieldName);
	}

	private static String value(String className, String fieldName) {
		try {
			Field field = Class.forName(className).getField(fieldName);
			if (!Modifier.isStatic(field.getModifiers())) {
				throw new IllegalStateException(className + "." + fieldName + " is not a constant");
			}
			return (String) field.get(null);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException("Cannot read " + className + "." + fieldName, ex);
		}
	}

	/** The Javadoc's text on one line, without its leading asterisks. */
	private static String javadoc(String comment) {
		return comment.replaceAll("(?m)^\\s*\\*\\s?", " ").replaceAll("\\s+", " ").strip();
	}

	/**
	 * A meter the starter names.
	 *
	 * @param feature the runtime package it belongs to
	 * @param name the Micrometer name
	 * @param type the meter's type, as its Javadoc starts
	 * @param prometheusName the scraped name (with its labels when the Javadoc lists
	 * them)
	 * @param description the constant's Javadoc
	 * @param constant the constant, as {@code Class.FIELD}
	 */
	record Meter(String feature, String name, String type, String prometheusName, String description, String constant) {

	}

}
