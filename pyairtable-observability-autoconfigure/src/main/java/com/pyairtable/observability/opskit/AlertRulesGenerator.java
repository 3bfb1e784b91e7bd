package com.pyairtable.observability.opskit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Generates one Prometheus rule file per alert group
 * ({@code prometheus/rules/<group>-alerts.yml}) with the enabled alerts of the catalog.
 */
public final class AlertRulesGenerator {

	/**
	 * Returns the enabled alerts by group, in catalog order.
	 * @param settings the kit settings
	 * @return the groups
	 */
	public static Map<String, List<AlertDefinition>> enabledByGroup(OpsKitSettings settings) {
		Map<String, List<AlertDefinition>> groups = new LinkedHashMap<>();
		for (AlertDefinition alert : AlertCatalog.alerts()) {
			if (settings.settings(alert).enabled()) {
				groups.computeIfAbsent(alert.group(), (group) -> new ArrayList<>()).add(alert);
			}
		}
		return groups;
	}

	/**
	 * Generates the rule files.
	 * @param settings the kit settings
	 * @return file path in the kit to content
	 */
	public Map<String, String> generate(OpsKitSettings settings) {
		Map<String, String> files = new LinkedHashMap<>();
		enabledByGroup(settings).forEach((group, alerts) -> {
			List<Object> rules = new ArrayList<>();
			for (AlertDefinition alert : alerts) {
				rules.add(rule(alert, settings.settings(alert)));
			}
			Map<String, Object> document = Maps.of("groups",
					List.of(Maps.of("name", "pyairtable-" + group + "-alerts", "rules", rules)));
			files.put(rulesPath(group), KitYaml.dump(document));
		});
		return files;
	}

	static String rulesPath(String group) {
		return "prometheus/rules/" + group + "-alerts.yml";
	}

	static Map<String, Object> rule(AlertDefinition alert, AlertSettings settings) {
		return Maps.of("alert", alert.name(), "expr", alert.expression().apply(settings.threshold()), "for",
				Promql.duration(settings.forDuration()), "labels", Maps.of("severity", settings.severity()),
				"annotations", annotations(alert, settings));
	}

	static Map<String, Object> annotations(AlertDefinition alert, AlertSettings settings) {
		return Maps.of("summary", alert.summary(), "description",
				alert.description() + " Threshold: " + Promql.number(settings.threshold()) + ".", "runbook_url",
				settings.runbookUrl());
	}

}
