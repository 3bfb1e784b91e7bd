package com.pyairtable.observability.opskit;

import java.util.List;
import java.util.Map;

/**
 * Generates recording rules that expose the platform's legacy Python metric names from
 * the contract's metrics, so that existing dashboards keep working during a migration.
 */
public final class LegacyRulesGenerator {

	/** Path of the legacy rule file in the kit. */
	public static final String PATH = "prometheus/rules/legacy.yml";

	/** The legacy names and the expressions recording them. */
	static final Map<String, String> RULES = legacyRules();

	/**
	 * Generates the legacy rule file, or nothing when switched off.
	 * @param settings the kit settings
	 * @return file path in the kit to content
	 */
	public Map<String, String> generate(OpsKitSettings settings) {
		if (!settings.legacyRules()) {
			return Map.of();
		}
		List<Object> rules = RULES.entrySet()
			.stream()
			.map((rule) -> (Object) Maps.of("record", rule.getKey(), "expr", rule.getValue()))
			.toList();
		return Map.of(PATH,
				KitYaml.dump(Maps.of("groups", List.of(Maps.of("name", "pyairtable-legacy-names", "rules", rules)))));
	}

	private static Map<String, String> legacyRules() {
		Map<String, String> rules = new java.util.LinkedHashMap<>();
		rules.put("http_requests_total",
				"label_replace(label_replace(sum by (service, method, uri, status) (http_server_requests_seconds_count),"
						+ " \"endpoint\", \"$1\", \"uri\", \"(.*)\"), \"status_code\", \"$1\", \"status\", \"(.*)\")");
		rules.put("gemini_requests_total", "sum by (service, model, status) (llm_requests_total{model=~\"gemini.*\"})");
		rules.put("gemini_token_usage_total", "sum by (service, model, type) (llm_tokens_total{model=~\"gemini.*\"})");
		rules.put("airtable_api_quota_usage",
				"sum(increase(airtable_api_requests_total[30d])) / max(airtable_api_monthly_quota)");
		return java.util.Collections.unmodifiableMap(rules);
	}

}
