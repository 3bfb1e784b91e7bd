package com.pyairtable.observability.opskit;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class OpsKitGeneratorTests {

	private static final List<String> CONTRACT_ALERTS = List.of("ServiceDown", "ServiceHighErrorRate",
			"ServiceHighLatency", "ServiceHighLatencyP99", "APIGatewayHighErrorRate", "APIGatewayHighLatency",
			"AirtableRateLimitHit", "AirtableQuotaNearlyExhausted", "CircuitBreakerOpen", "LowCacheHitRatio",
			"SagaFailureRate", "HighAICosts", "LlmHighErrorRate", "DependencyDown", "DatabaseConnectionPoolExhausted",
			"HighMemoryUsage", "HighCPUUsage", "TracingSpansDropped", "MetricCardinalityOverflow",
			// Data layer (issue 10).
			"SlowDatabaseQueries", "DatabaseQueryTimeout", "DatabaseConnectionFailures", "ExternalApiHighErrorRate",
			"BackgroundJobFailures", "UnusedService", "HighDiskUsage");

	private final OpsKitGenerator generator = new OpsKitGenerator();

	@Test
	void everyContractAlertIsGeneratedWithSeverityAnnotationsAndServiceScope() {
		Map<String, Map<String, Object>> rules = alertRules(this.generator.generate(OpsKitTestSettings.settings()));
		assertThat(rules.keySet()).containsAll(CONTRACT_ALERTS);
		for (String name : CONTRACT_ALERTS) {
			Map<String, Object> rule = rules.get(name);
			assertThat(map(rule.get("labels"))).containsKey("severity");
			assertThat(map(rule.get("annotations"))).containsKeys("summary", "description", "runbook_url");
			assertThat(map(rule.get("annotations"))).containsEntry("runbook_url", "https://runbooks.test/" + name);
			assertThat(rule).containsKey("for");
			if (!name.equals("AirtableQuotaNearlyExhausted")) {
				assertThat((String) rule.get("expr")).as(name).contains("by (service");
			}
		}
	}

	@Test
	void thresholdsAndDurationsComeFromTheSettings() {
		Map<String, AlertSettings> alerts = OpsKitTestSettings.defaults();
		alerts.put("ServiceHighErrorRate",
				new AlertSettings(true, 0.25, Duration.ofMinutes(7), "warning", "https://runbooks.test/x"));
		Map<String, Map<String, Object>> rules = alertRules(
				this.generator.generate(OpsKitTestSettings.settings(alerts)));
		Map<String, Object> rule = rules.get("ServiceHighErrorRate");
		assertThat((String) rule.get("expr")).endsWith("> 0.25");
		assertThat(rule.get("for")).isEqualTo("7m");
		assertThat(map(rule.get("labels"))).containsEntry("severity", "warning");
		assertThat((String) rules.get("ServiceHighLatency").get("expr")).endsWith("> 1");
		assertThat(rules.get("ServiceHighLatency").get("for")).isEqualTo("5m");
	}

	@Test
	void disabledAlertsAndTheirTestsAreLeftOut() {
		Map<String, AlertSettings> alerts = OpsKitTestSettings.defaults();
		alerts.replaceAll((name, settings) -> name.startsWith("Airtable") ? new AlertSettings(false,
				settings.threshold(), settings.forDuration(), settings.severity(), settings.runbookUrl()) : settings);
		OpsKit kit = this.generator.generate(OpsKitTestSettings.settings(alerts));
		assertThat(alertRules(kit)).doesNotContainKeys("AirtableRateLimitHit", "AirtableQuotaNearlyExhausted")
			.containsKey("ServiceDown");
		assertThat(kit.files()).doesNotContainKeys("prometheus/rules/airtable-alerts.yml",
				"prometheus/tests/airtable-alerts.test.yml");
	}

	@Test
	void everyAlertGetsAFiringAndASilentPromtoolTest() {
		OpsKit kit = this.generator.generate(OpsKitTestSettings.settings());
		List<String> names = new ArrayList<>();
		kit.files().forEach((path, content) -> {
			if (path.startsWith("prometheus/tests/")) {
				Map<String, Object> document = new Yaml().load(content);
				for (Object test : (List<?>) document.get("tests")) {
					names.add((String) map(test).get("name"));
				}
			}
		});
		for (String alert : CONTRACT_ALERTS) {
			assertThat(names).contains(alert + " fires", alert + " stays silent just under its threshold");
		}
	}

	@Test
	void legacyRulesAreSwitchable() {
		OpsKitSettings on = OpsKitTestSettings.settings();
		assertThat(this.generator.generate(on).files().get(LegacyRulesGenerator.PATH)).contains(
				"record: http_requests_total", "record: gemini_requests_total", "record: gemini_token_usage_total",
				"record: airtable_api_quota_usage");
		OpsKitSettings off = new OpsKitSettings(on.service(), on.scrapeTargets(), on.metricsPath(), on.scrapeInterval(),
				on.evaluationInterval(), on.alerts(), false, on.slos(), on.runbookBaseUrl());
		assertThat(this.generator.generate(off).files()).doesNotContainKey(LegacyRulesGenerator.PATH);
	}

	@Test
	void sloRulesRecordEveryWindowTheBudgetAndBurnRateAlerts() {
		String slo = this.generator.generate(OpsKitTestSettings.settings()).files().get(SloRulesGenerator.PATH);
		for (String window : List.of("5m", "30m", "1h", "2h", "6h", "1d", "3d", "30d", "7d")) {
			assertThat(slo).contains("record: slo:sli_error:ratio_rate" + window);
		}
		assertThat(slo).contains("record: slo:error_budget_remaining:ratio", "alert: SloErrorBudgetBurnFast",
				"alert: SloErrorBudgetBurnSlow");
		// 99.9% leaves 0.001: page at 14.4x and 6x, ticket at 3x and 1x.
		assertThat(slo).contains("slo:sli_error:ratio_rate1h{slo=\"records-availability\"} > 0.0144",
				"slo:sli_error:ratio_rate30m{slo=\"records-availability\"} > 0.006",
				"slo:sli_error:ratio_rate2h{slo=\"records-availability\"} > 0.003",
				"slo:sli_error:ratio_rate6h{slo=\"records-availability\"} > 0.001");
		assertThat(slo).contains("le=\"0.5\"");
	}

	@Test
	void dashboardsHaveTemplateVariablesAndExemplarsOnLatencyPanels() {
		OpsKit kit = this.generator.generate(OpsKitTestSettings.settings());
		JsonMapper mapper = JsonMapper.builder().build();
		List<String> uids = new ArrayList<>();
		kit.files().forEach((path, content) -> {
			if (path.startsWith("grafana/dashboards/")) {
				JsonNode dashboard = mapper.readTree(content);
				uids.add(dashboard.get("uid").asString());
				List<String> variables = new ArrayList<>();
				dashboard.get("templating")
					.get("list")
					.forEach((variable) -> variables.add(variable.get("name").asString()));
				assertThat(variables).containsExactly("datasource", "service");
				dashboard.get("panels")
					.forEach((panel) -> panel.get("targets")
						.forEach((target) -> assertThat(target.get("exemplar").asBoolean())
							.as(panel.get("title").asString())
							.isEqualTo(panel.get("title")
								.asString()
								.matches(".*(p95|p99|acquire time|command latency).*"))));
			}
		});
		assertThat(uids).containsExactly("pyairtable-airtable", "pyairtable-cost", "pyairtable-database",
				"pyairtable-external-apis", "pyairtable-infrastructure", "pyairtable-llm", "pyairtable-mcp",
				"pyairtable-overview", "pyairtable-saga", "pyairtable-slo");
	}

	@Test
	void stackConfigIsComplete() {
		OpsKit kit = this.generator.generate(OpsKitTestSettings.settings());
		assertThat(kit.files()).containsKeys("prometheus/prometheus.yml", "alertmanager/alertmanager.yml",
				"grafana/provisioning/datasources/datasources.yml", "grafana/provisioning/dashboards/dashboards.yml",
				"otel-collector/config.yaml", "docker-compose.yml", "README.md");
		Map<String, Object> prometheus = new Yaml().load(kit.files().get("prometheus/prometheus.yml"));
		Map<String, Object> scrape = map(((List<?>) prometheus.get("scrape_configs")).get(0));
		assertThat(scrape.toString()).contains("targets=[localhost:8002]", "labels={service=airtable-gateway}");
		assertThat(kit.files().get("grafana/provisioning/datasources/datasources.yml"))
			.contains("exemplarTraceIdDestinations", "tracesToLogsV2");
	}

	@Test
	void writesTheKitToADirectory(@org.junit.jupiter.api.io.TempDir Path directory) throws Exception {
		OpsKit kit = this.generator.generate(OpsKitTestSettings.settings());
		Path target = Path.of(System.getProperty("opskit.dir", directory.toString()));
		kit.writeTo(target);
		for (String path : kit.files().keySet()) {
			assertThat(target.resolve(path)).exists();
		}
	}

	private static Map<String, Map<String, Object>> alertRules(OpsKit kit) {
		Map<String, Map<String, Object>> rules = new LinkedHashMap<>();
		kit.files().forEach((path, content) -> {
			if (path.startsWith("prometheus/rules/") && path.endsWith("-alerts.yml")) {
				Map<String, Object> document = new Yaml().load(content);
				for (Object group : (List<?>) document.get("groups")) {
					for (Object rule : (List<?>) map(group).get("rules")) {
						rules.put((String) map(rule).get("alert"), map(rule));
					}
				}
			}
		});
		return rules;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object value) {
		return (Map<String, Object>) value;
	}

}
