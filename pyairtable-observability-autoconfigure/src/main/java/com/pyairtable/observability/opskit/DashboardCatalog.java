package com.pyairtable.observability.opskit;

import java.util.ArrayList;
import java.util.List;

import com.pyairtable.observability.opskit.Dashboard.Panel;
import com.pyairtable.observability.opskit.Dashboard.Query;

/**
 * The kit's dashboards: Platform overview, Airtable, LLM, SAGA, Infrastructure and SLO,
 * then Database, External APIs, MCP server and Cost ({@link DataLayerDashboards}).
 */
public final class DashboardCatalog {

	static final String S = "service=~\"$service\"";

	static final String RATE = "[$__rate_interval]";

	private DashboardCatalog() {
	}

	/**
	 * Returns the dashboards for the given settings (the SLO dashboard shows the SLOs).
	 * @param settings the kit settings
	 * @return the dashboards
	 */
	public static List<Dashboard> dashboards(OpsKitSettings settings) {
		List<Dashboard> dashboards = new ArrayList<>(
				List.of(overview(), airtable(), llm(), saga(), infrastructure(), slo(settings)));
		dashboards.addAll(DataLayerDashboards.dashboards());
		return List.copyOf(dashboards);
	}

	private static Dashboard overview() {
		String count = "http_server_requests_seconds_count";
		return new Dashboard("pyairtable-overview", "PyAirtable / Platform overview",
				List.of(panel("Request rate", "reqps",
						q("sum by (service) (rate(" + count + "{" + S + "}" + RATE + "))", "{{service}}")),
						panel("5xx error ratio", "percentunit",
								q("(sum by (service) (rate(" + count + "{" + S + ",status=~\"5..\"}" + RATE
										+ ")) or sum by (service) (rate(" + count + "{" + S + "}" + RATE
										+ ")) * 0) / sum by (service) (rate(" + count + "{" + S + "}" + RATE + "))",
										"{{service}}")),
						latency("Latency p95",
								q(quantile(0.95, "http_server_requests_seconds_bucket", "service"), "{{service}}")),
						latency("Latency p99",
								q(quantile(0.99, "http_server_requests_seconds_bucket", "service"), "{{service}}")),
						panel("Requests by route and status", "reqps",
								q("sum by (uri, status) (rate(" + count + "{" + S + "}" + RATE + "))",
										"{{uri}} {{status}}")),
						panel("In-flight requests", "short",
								q("sum by (service) (http_server_requests_active_seconds_count{" + S + "})",
										"{{service}}")),
						panel("Targets up", "short", q("up{" + S + "}", "{{service}} {{instance}}")),
						panel("Dependency health", "short",
								q("min by (service, check) (health_check_up{" + S + "})", "{{service}} {{check}}")),
						panel("Response size", "Bps",
								q("sum by (service) (rate(http_server_response_size_bytes_sum{" + S + "}" + RATE + "))",
										"{{service}}"))));
	}

	private static Dashboard airtable() {
		return new Dashboard(
				"pyairtable-airtable", "PyAirtable / Airtable", List.of(
						panel("Airtable calls by operation and status", "reqps",
								q("sum by (operation, status) (rate(airtable_api_requests_total{" + S + "}" + RATE
										+ "))", "{{operation}} {{status}}")),
						latency("Airtable latency p95 by operation",
								q(quantile(0.95, "airtable_api_duration_seconds_bucket", "operation"),
										"{{operation}}")),
						panel("Airtable rate-limit hits (429)", "short",
								q("sum by (base) (increase(airtable_rate_limit_hits_total{" + S + "}" + RATE + "))",
										"{{base}}")),
						panel("Airtable rate-limit budget left", "short",
								q("min by (base) (airtable_rate_limit_remaining{" + S + "})", "{{base}}")),
						panel("Airtable request queue", "short",
								q("sum by (service) (airtable_request_queue_size{" + S + "})", "{{service}}")),
						panel("Airtable monthly quota used (fleet)", "percentunit",
								q("sum(increase(airtable_api_requests_total[30d])) / max(airtable_api_monthly_quota)",
										"fleet")),
						panel("Airtable cache hit ratio", "percentunit",
								q("sum by (service) (rate(airtable_cache_operations_total{" + S + ",result=\"hit\"}"
										+ RATE + ")) / sum by (service) (rate(airtable_cache_operations_total{" + S
										+ "}" + RATE + "))", "{{service}}"))));
	}

	private static Dashboard llm() {
		return new Dashboard("pyairtable-llm", "PyAirtable / LLM", List.of(
				panel("LLM calls by model and status", "reqps",
						q("sum by (model, status) (rate(llm_requests_total{" + S + "}" + RATE + "))",
								"{{model}} {{status}}")),
				panel("LLM tokens by model and type", "short",
						q("sum by (model, type) (rate(llm_tokens_total{" + S + "}" + RATE + "))",
								"{{model}} {{type}}")),
				panel("LLM cost per hour by model", "currencyUSD",
						q("sum by (model) (increase(llm_cost_usd_total{" + S + "}[1h]))", "{{model}}")),
				latency("LLM latency p95 by model",
						q(quantile(0.95, "llm_request_duration_seconds_bucket", "model"), "{{model}}")),
				panel("LLM error ratio", "percentunit",
						q("(sum by (service) (rate(llm_requests_total{" + S + ",status!~\"success|2..\"}" + RATE
								+ ")) or sum by (service) (rate(llm_requests_total{" + S + "}" + RATE
								+ ")) * 0) / sum by (service) (rate(llm_requests_total{" + S + "}" + RATE + "))",
								"{{service}}")),
				panel("LLM active sessions", "short",
						q("sum by (service) (llm_active_sessions{" + S + "})", "{{service}}"))));
	}

	private static Dashboard saga() {
		return new Dashboard("pyairtable-saga", "PyAirtable / SAGA", List.of(
				panel("Saga executions by outcome", "short",
						q("sum by (saga, outcome) (rate(saga_executions_total{" + S + "}" + RATE + "))",
								"{{saga}} {{outcome}}")),
				panel("Saga failure ratio", "percentunit",
						q("(sum by (saga) (rate(saga_executions_total{" + S + ",outcome=~\"failed|compensated\"}" + RATE
								+ ")) or sum by (saga) (rate(saga_executions_total{" + S + "}" + RATE
								+ ")) * 0) / sum by (saga) (rate(saga_executions_total{" + S + "}" + RATE + "))",
								"{{saga}}")),
				latency("Saga duration p95", q(quantile(0.95, "saga_duration_seconds_bucket", "saga"), "{{saga}}")),
				latency("Saga step duration p95",
						q(quantile(0.95, "saga_step_duration_seconds_bucket", "saga, step"), "{{saga}} {{step}}")),
				panel("Saga step operations by outcome", "short",
						q("sum by (step, outcome) (rate(saga_operations_total{" + S + "}" + RATE + "))",
								"{{step}} {{outcome}}")),
				panel("Active sagas", "short", q("sum by (saga) (saga_active{" + S + "})", "{{saga}}"))));
	}

	private static Dashboard infrastructure() {
		return new Dashboard("pyairtable-infrastructure", "PyAirtable / Infrastructure",
				List.of(panel("Heap used and max", "bytes",
						q("sum by (instance) (jvm_memory_used_bytes{" + S + ",area=\"heap\"})", "used {{instance}}"),
						q("sum by (instance) (jvm_memory_max_bytes{" + S + ",area=\"heap\"} > 0)", "max {{instance}}")),
						panel("GC pause time", "s",
								q("sum by (instance) (rate(jvm_gc_pause_seconds_sum{" + S + "}" + RATE + "))",
										"{{instance}}")),
						panel("Live threads", "short",
								q("sum by (instance) (jvm_threads_live_threads{" + S + "})", "{{instance}}")),
						panel("CPU usage", "percentunit",
								q("max by (instance) (process_cpu_usage{" + S + "})", "process {{instance}}"),
								q("max by (instance) (system_cpu_usage{" + S + "})", "system {{instance}}")),
						panel("DB pool connections", "short",
								q("sum by (pool) (hikaricp_connections_active{" + S + "})", "active {{pool}}"),
								q("sum by (pool) (hikaricp_connections_idle{" + S + "})", "idle {{pool}}"),
								q("sum by (pool) (hikaricp_connections_pending{" + S + "})", "pending {{pool}}"),
								q("sum by (pool) (hikaricp_connections_max{" + S + "})", "max {{pool}}")),
						latency("DB connection acquire time",
								q("sum by (pool) (rate(hikaricp_connections_acquire_seconds_sum{" + S + "}" + RATE
										+ ")) / sum by (pool) (rate(hikaricp_connections_acquire_seconds_count{" + S
										+ "}" + RATE + "))", "{{pool}}")),
						panel("Circuit breaker state", "short",
								q("max by (name) (circuit_breaker_state{" + S + "})", "{{name}}")),
						panel("Circuit breaker transitions", "short",
								q("sum by (name, to) (increase(circuit_breaker_transitions_total{" + S + "}" + RATE
										+ "))", "{{name}} to {{to}}")),
						panel("Cache hit ratio", "percentunit",
								q("sum by (cache) (rate(cache_operations_total{" + S
										+ ",operation=\"get\",result=\"hit\"}" + RATE
										+ ")) / sum by (cache) (rate(cache_operations_total{" + S
										+ ",operation=\"get\"}" + RATE + "))", "{{cache}}")),
						latency("Redis command latency",
								q("sum by (command) (rate(lettuce_command_completion_seconds_sum{" + S + "}" + RATE
										+ ")) / sum by (command) (rate(lettuce_command_completion_seconds_count{" + S
										+ "}" + RATE + "))", "{{command}}")),
						panel("MCP tool executions", "short",
								q("sum by (tool, status) (rate(mcp_tool_executions_total{" + S + "}" + RATE + "))",
										"{{tool}} {{status}}")),
						panel("Spans dropped before export", "short",
								q("sum by (reason) (increase(tracing_spans_dropped_total{" + S + "}" + RATE + "))",
										"{{reason}}")),
						panel("Tag values folded by the cardinality guard", "short",
								q("sum by (metric, tag) (increase(observability_tag_overflow_total{" + S + "}" + RATE
										+ "))", "{{metric}} {{tag}}"))));
	}

	private static Dashboard slo(OpsKitSettings settings) {
		List<Panel> panels = new ArrayList<>();
		for (SloDefinition slo : settings.slos()) {
			String selector = "{slo=\"" + slo.name() + "\"," + S + "}";
			String budget = Promql.number(slo.errorBudget());
			panels.add(panel("Error budget remaining: " + slo.name(), "percentunit",
					q(SloRulesGenerator.BUDGET_REMAINING + selector, "{{service}}")));
			panels.add(panel("Burn rate: " + slo.name(), "short",
					q(SloRulesGenerator.errorRatio("1h") + selector + " / " + budget, "1h {{service}}"),
					q(SloRulesGenerator.errorRatio("6h") + selector + " / " + budget, "6h {{service}}"),
					q(SloRulesGenerator.errorRatio("3d") + selector + " / " + budget, "3d {{service}}")));
			panels.add(panel("Error ratio over 5m: " + slo.name(), "percentunit",
					q(SloRulesGenerator.errorRatio("5m") + selector, "{{service}}")));
		}
		return new Dashboard("pyairtable-slo", "PyAirtable / SLO", panels);
	}

	static String quantile(double quantile, String bucket, String by) {
		return "histogram_quantile(" + Promql.number(quantile) + ", sum by (" + by + ", le) (rate(" + bucket + "{" + S
				+ "}" + RATE + ")))";
	}

	static Query q(String expr, String legend) {
		return new Query(expr, legend);
	}

	static Panel panel(String title, String unit, Query... queries) {
		return new Panel(title, unit, false, List.of(queries));
	}

	static Panel latency(String title, Query... queries) {
		return new Panel(title, "s", true, List.of(queries));
	}

}
