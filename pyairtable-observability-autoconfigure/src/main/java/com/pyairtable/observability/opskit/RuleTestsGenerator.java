package com.pyairtable.observability.opskit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Generates one promtool unit-test file per alert group
 * ({@code prometheus/tests/<group>-alerts.test.yml}): for every alert, input series that
 * fire it with the configured threshold and {@code for:}, and series just on the silent
 * side of the threshold that must not.
 */
public final class RuleTestsGenerator {

	private static final Pattern LABEL_REFERENCE = Pattern.compile("\\{\\{ \\$labels\\.(\\w+) \\}\\}");

	/**
	 * Generates the test files.
	 * @param settings the kit settings
	 * @return file path in the kit to content
	 */
	public Map<String, String> generate(OpsKitSettings settings) {
		Map<String, String> files = new LinkedHashMap<>();
		AlertRulesGenerator.enabledByGroup(settings).forEach((group, alerts) -> {
			List<Object> tests = new ArrayList<>();
			for (AlertDefinition alert : alerts) {
				AlertSettings alertSettings = settings.settings(alert);
				RuleTestCase test = alert.tests().create(alertSettings.threshold(), alertSettings.forDuration());
				Map<String, Object> labels = new LinkedHashMap<>(test.labels());
				labels.put("severity", alertSettings.severity());
				Map<String, Object> annotations = AlertRulesGenerator.annotations(alert, alertSettings);
				annotations.replaceAll((name, value) -> expand((String) value, test.labels()));
				Map<String, Object> expected = Maps.of("exp_labels", labels, "exp_annotations", annotations);
				tests.add(test(alert.name() + " fires", test, test.firing(), alert.name(), List.of(expected)));
				tests.add(test(alert.name() + " stays silent just under its threshold", test, test.silent(),
						alert.name(), List.of()));
			}
			Map<String, Object> document = Maps.of("rule_files",
					List.of("../rules/" + AlertRulesGenerator.rulesPath(group).substring("prometheus/rules/".length())),
					"evaluation_interval", "1m", "tests", tests);
			files.put("prometheus/tests/" + group + "-alerts.test.yml", KitYaml.dump(document));
		});
		return files;
	}

	private Map<String, Object> test(String name, RuleTestCase test, Map<String, String> series, String alert,
			List<Object> expected) {
		List<Object> inputs = new ArrayList<>();
		series.forEach((selector, values) -> inputs.add(Maps.of("series", selector, "values", values)));
		return Maps.of("name", name, "interval", Promql.duration(test.interval()), "input_series", inputs,
				"alert_rule_test", List.of(Maps.of("eval_time", Promql.duration(test.evalTime()), "alertname", alert,
						"exp_alerts", expected)));
	}

	static String expand(String template, Map<String, String> labels) {
		Matcher matcher = LABEL_REFERENCE.matcher(template);
		StringBuilder expanded = new StringBuilder();
		while (matcher.find()) {
			matcher.appendReplacement(expanded, Matcher.quoteReplacement(labels.getOrDefault(matcher.group(1), "")));
		}
		return matcher.appendTail(expanded).toString();
	}

}
