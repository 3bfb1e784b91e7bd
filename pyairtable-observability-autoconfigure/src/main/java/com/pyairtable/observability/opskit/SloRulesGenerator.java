package com.pyairtable.observability.opskit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Generates the SLO rule file: error ratios over the standard windows, the error budget
 * remaining, and multi-window multi-burn-rate alerts (page at 14.4x over 1h and 5m and at
 * 6x over 6h and 30m; ticket at 3x over 1d and 2h and at 1x over 3d and 6h).
 */
public final class SloRulesGenerator {

	/** Path of the SLO rule file in the kit. */
	public static final String PATH = "prometheus/rules/slo.yml";

	/** The windows over which error ratios are recorded. */
	public static final List<String> WINDOWS = List.of("5m", "30m", "1h", "2h", "6h", "1d", "3d");

	/**
	 * Name of the recorded budget left, a ratio of the budget (1 untouched, below 0
	 * spent).
	 */
	public static final String BUDGET_REMAINING = "slo:error_budget_remaining:ratio";

	private static final String COUNT = "http_server_requests_seconds_count";

	/**
	 * Name of the recorded error ratio over a window.
	 * @param window the window, such as {@code 5m}
	 * @return the recording rule's name
	 */
	public static String errorRatio(String window) {
		return "slo:sli_error:ratio_rate" + window;
	}

	/**
	 * Generates the SLO rule file, or nothing without SLOs.
	 * @param settings the kit settings
	 * @return file path in the kit to content
	 */
	public Map<String, String> generate(OpsKitSettings settings) {
		if (settings.slos().isEmpty()) {
			return Map.of();
		}
		List<Object> groups = new ArrayList<>();
		for (SloDefinition slo : settings.slos()) {
			groups.add(Maps.of("name", "slo-" + slo.name() + "-recording", "rules", recordingRules(slo)));
			groups.add(Maps.of("name", "slo-" + slo.name() + "-alerts", "rules", alerts(slo, settings)));
		}
		return Map.of(PATH, KitYaml.dump(Maps.of("groups", groups)));
	}

	private List<Object> recordingRules(SloDefinition slo) {
		Set<String> windows = new LinkedHashSet<>(WINDOWS);
		windows.add(Promql.duration(slo.window()));
		List<Object> rules = new ArrayList<>();
		for (String window : windows) {
			rules.add(Maps.of("record", errorRatio(window), "expr", errorRatioExpression(slo, window), "labels",
					Maps.of("slo", slo.name())));
		}
		rules.add(Maps.of(
				"record", BUDGET_REMAINING, "expr", "1 - " + errorRatio(Promql.duration(slo.window())) + "{slo=\""
						+ slo.name() + "\"} / " + Promql.number(slo.errorBudget()),
				"labels", Maps.of("slo", slo.name())));
		return rules;
	}

	/**
	 * The error ratio of an SLO over a window, by service; zero rather than empty when
	 * there are requests but no errors.
	 * @param slo the SLO
	 * @param window the window
	 * @return the expression
	 */
	static String errorRatioExpression(SloDefinition slo, String window) {
		String routes = "uri=~\"" + slo.routes().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
		String total = "sum by (service) (rate(" + COUNT + "{" + routes + "}[" + window + "]))";
		if (slo.indicator() == SloDefinition.Indicator.LATENCY) {
			Duration threshold = slo.latencyThreshold();
			double seconds = (threshold != null) ? threshold.toNanos() / 1e9 : 0;
			String good = "sum by (service) (rate(http_server_requests_seconds_bucket{" + routes + ","
					+ Promql.leMatcher(seconds) + "}[" + window + "]))";
			return "1 - (" + good + " / " + total + ")";
		}
		String bad = "sum by (service) (rate(" + COUNT + "{" + routes + ",status=~\"5..\"}[" + window + "]))";
		return "(" + bad + " or " + total + " * 0) / " + total;
	}

	private List<Object> alerts(SloDefinition slo, OpsKitSettings settings) {
		String base = settings.runbookBaseUrl();
		return List.of(
				burnAlert(slo, "SloErrorBudgetBurnFast", "critical", "2m",
						burn(slo, 14.4, "1h", "5m") + " or " + burn(slo, 6, "6h", "30m"), base),
				burnAlert(slo, "SloErrorBudgetBurnSlow", "warning", "15m",
						burn(slo, 3, "1d", "2h") + " or " + burn(slo, 1, "3d", "6h"), base));
	}

	private String burn(SloDefinition slo, double factor, String longWindow, String shortWindow) {
		String limit = Promql.number(Math.round(factor * slo.errorBudget() * 1e9) / 1e9);
		String selector = "{slo=\"" + slo.name() + "\"}";
		return "(" + errorRatio(longWindow) + selector + " > " + limit + " and " + errorRatio(shortWindow) + selector
				+ " > " + limit + ")";
	}

	private Map<String, Object> burnAlert(SloDefinition slo, String name, String severity, String forDuration,
			String expression, String runbookBase) {
		return Maps.of("alert", name, "expr", expression, "for", forDuration, "labels",
				Maps.of("severity", severity, "slo", slo.name()), "annotations",
				Maps.of("summary", "{{ $labels.service }} burns the error budget of SLO " + slo.name(), "description",
						"SLO " + slo.name() + " (" + Promql.number(slo.objective()) + "% over "
								+ Promql.duration(slo.window()) + ") of {{ $labels.service }} burns its error budget "
								+ ("critical".equals(severity) ? "fast (14.4x over 1h and 5m, or 6x over 6h and 30m)."
										: "steadily (3x over 1d and 2h, or 1x over 3d and 6h)."),
						"runbook_url", runbookBase + name));
	}

}
