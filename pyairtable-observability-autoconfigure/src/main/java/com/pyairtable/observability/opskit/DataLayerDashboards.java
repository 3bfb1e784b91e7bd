package com.pyairtable.observability.opskit;

import java.util.List;

import static com.pyairtable.observability.opskit.DashboardCatalog.RATE;
import static com.pyairtable.observability.opskit.DashboardCatalog.S;
import static com.pyairtable.observability.opskit.DashboardCatalog.latency;
import static com.pyairtable.observability.opskit.DashboardCatalog.panel;
import static com.pyairtable.observability.opskit.DashboardCatalog.q;
import static com.pyairtable.observability.opskit.DashboardCatalog.quantile;

/**
 * The dashboards of the data layer and of cost: Database (JDBC statements, pool, Redis),
 * External APIs (Spring's outbound HTTP clients), MCP server, and Cost (LLM spend and
 * Airtable calls by service and model).
 */
final class DataLayerDashboards {

	private static final String CLIENT_COUNT = "http_client_requests_seconds_count";

	private DataLayerDashboards() {
	}

	static List<Dashboard> dashboards() {
		return List.of(database(), externalApis(), mcp(), cost());
	}

	private static Dashboard database() {
		return new Dashboard("pyairtable-database", "PyAirtable / Database", List.of(
				panel("Database statements by operation and status", "ops",
						q("sum by (operation, status) (rate(database_operations_total{" + S + "}" + RATE + "))",
								"{{operation}} {{status}}")),
				latency("Database query p95 by operation",
						q(quantile(0.95, "database_query_duration_seconds_bucket", "operation"), "{{operation}}")),
				latency("Database query p99 by operation",
						q(quantile(0.99, "database_query_duration_seconds_bucket", "operation"), "{{operation}}")),
				panel("Database errors by kind", "short",
						q("sum by (error) (increase(database_errors_total{" + S + "}" + RATE + "))", "{{error}}")),
				panel("Connection pool usage", "percentunit",
						q("max by (pool) (hikaricp_connections_active{" + S + "} / hikaricp_connections_max{" + S
								+ "})", "{{pool}}")),
				panel("Redis commands by command and status", "ops",
						q("sum by (command, status) (rate(redis_operations_total{" + S + "}" + RATE + "))",
								"{{command}} {{status}}")),
				latency("Redis mean command latency by command",
						q("sum by (command) (rate(lettuce_command_completion_seconds_sum{" + S + "}" + RATE
								+ ")) / sum by (command) (rate(lettuce_command_completion_seconds_count{" + S + "}"
								+ RATE + "))", "{{command}}"))));
	}

	private static Dashboard externalApis() {
		String errors = "sum by (client_name) (rate(" + CLIENT_COUNT + "{" + S
				+ ",status=~\"5..|IO_ERROR|CLIENT_ERROR\"}" + RATE + "))";
		String all = "sum by (client_name) (rate(" + CLIENT_COUNT + "{" + S + "}" + RATE + "))";
		return new Dashboard("pyairtable-external-apis", "PyAirtable / External APIs", List.of(
				panel("Outbound calls by client and status", "reqps",
						q("sum by (client_name, status) (rate(" + CLIENT_COUNT + "{" + S + "}" + RATE + "))",
								"{{client_name}} {{status}}")),
				panel("Outbound error ratio by client", "percentunit",
						q("(" + errors + " or " + all + " * 0) / " + all, "{{client_name}}")),
				latency("Outbound latency p95 by client",
						q(quantile(0.95, "http_client_requests_seconds_bucket", "client_name"), "{{client_name}}")),
				latency("Outbound latency p99 by client",
						q(quantile(0.99, "http_client_requests_seconds_bucket", "client_name"), "{{client_name}}")),
				panel("Outbound calls by route", "reqps",
						q("sum by (client_name, uri) (rate(" + CLIENT_COUNT + "{" + S + "}" + RATE + "))",
								"{{client_name}} {{uri}}"))));
	}

	private static Dashboard mcp() {
		return new Dashboard("pyairtable-mcp", "PyAirtable / MCP server", List.of(
				panel("MCP tool executions by tool and status", "ops",
						q("sum by (tool, status) (rate(mcp_tool_executions_total{" + S + "}" + RATE + "))",
								"{{tool}} {{status}}")),
				latency("MCP tool duration p95 by tool",
						q(quantile(0.95, "mcp_tool_duration_seconds_bucket", "tool"), "{{tool}}")),
				panel("MCP protocol messages by direction and type", "ops",
						q("sum by (direction, type) (rate(mcp_protocol_messages_total{" + S + "}" + RATE + "))",
								"{{direction}} {{type}}")),
				panel("MCP subprocesses", "short",
						q("sum by (service) (mcp_subprocesses{" + S + "})", "{{service}}"))));
	}

	private static Dashboard cost() {
		return new Dashboard("pyairtable-cost", "PyAirtable / Cost", List.of(
				panel("LLM cost per hour by service and model", "currencyUSD",
						q("sum by (service, model) (increase(llm_cost_usd_total{" + S + "}[1h]))",
								"{{service}} {{model}}")),
				panel("LLM tokens by service and model", "short",
						q("sum by (service, model) (rate(llm_tokens_total{" + S + "}" + RATE + "))",
								"{{service}} {{model}}")),
				panel("Airtable calls per hour by service and operation", "short",
						q("sum by (service, operation) (increase(airtable_api_requests_total{" + S + "}[1h]))",
								"{{service}} {{operation}}")),
				panel("Airtable monthly quota used (fleet)", "percentunit",
						q("sum(increase(airtable_api_requests_total[30d])) / max(airtable_api_monthly_quota)",
								"fleet"))));
	}

}
