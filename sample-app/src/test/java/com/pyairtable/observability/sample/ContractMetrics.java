package com.pyairtable.observability.sample;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CONTRACT.md section 3 as data: every metric an operator's dashboards query, with the
 * labels it must carry beside the four identity labels.
 */
final class ContractMetrics {

	static final Set<String> IDENTITY = Set.of("service", "version", "tier", "environment");

	/**
	 * Exposition name to its labels (without identity, {@code le} or {@code quantile}).
	 */
	static final Map<String, Set<String>> METRICS = new LinkedHashMap<>();

	static {
		METRICS.put("airtable_api_requests_total", Set.of("base", "table", "operation", "status"));
		METRICS.put("airtable_api_duration_seconds", Set.of("base", "operation"));
		METRICS.put("airtable_rate_limit_hits_total", Set.of("base"));
		METRICS.put("airtable_rate_limit_remaining", Set.of("base"));
		METRICS.put("airtable_request_queue_size", Set.of());
		METRICS.put("airtable_api_monthly_quota", Set.of());
		METRICS.put("airtable_cache_operations_total", Set.of("operation", "result"));
		METRICS.put("llm_requests_total", Set.of("provider", "model", "operation", "status"));
		METRICS.put("llm_request_duration_seconds", Set.of("provider", "model", "operation"));
		METRICS.put("llm_tokens_total", Set.of("provider", "model", "type"));
		METRICS.put("llm_cost_usd_total", Set.of("provider", "model"));
		METRICS.put("llm_active_sessions", Set.of());
		METRICS.put("saga_executions_total", Set.of("saga", "outcome"));
		METRICS.put("saga_operations_total", Set.of("saga", "step", "outcome"));
		// Observation-based timers also carry Micrometer's error label.
		METRICS.put("saga_duration_seconds", Set.of("saga", "outcome", "error"));
		METRICS.put("saga_step_duration_seconds", Set.of("saga", "step", "error"));
		METRICS.put("saga_active", Set.of("saga"));
		METRICS.put("cache_operations_total", Set.of("cache", "operation", "result"));
		METRICS.put("cache_operation_duration_seconds", Set.of("cache", "operation"));
		METRICS.put("circuit_breaker_state", Set.of("name"));
		METRICS.put("circuit_breaker_transitions_total", Set.of("name", "from", "to"));
		METRICS.put("mcp_tool_executions_total", Set.of("tool", "status"));
		METRICS.put("mcp_tool_duration_seconds", Set.of("tool"));
		METRICS.put("mcp_protocol_messages_total", Set.of("direction", "type"));
		METRICS.put("mcp_subprocesses", Set.of());
		METRICS.put("health_check_up", Set.of("check"));
		METRICS.put("health_check_latency_seconds", Set.of("check"));
		METRICS.put("tracing_sampling_decisions_total", Set.of("decision", "reason"));
		METRICS.put("tracing_spans_dropped_total", Set.of("reason"));
		METRICS.put("observability_tag_overflow_total", Set.of("metric", "tag"));
		METRICS.put("observability_tag_redacted_total", Set.of("metric", "tag"));
		METRICS.put("http_server_request_size_bytes", Set.of("method", "uri", "status", "outcome"));
		METRICS.put("http_server_response_size_bytes", Set.of("method", "uri", "status", "outcome"));
		// Database queries (issue 10), from datasource-micrometer's JDBC observations.
		METRICS.put("database_query_duration_seconds", Set.of("operation"));
		METRICS.put("database_operations_total", Set.of("operation", "status"));
		METRICS.put("database_errors_total", Set.of("error"));
	}

	private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)\\{([^}]*)}\\s");

	private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"");

	private ContractMetrics() {
	}

	/** Contract metrics with no series in the scrape. */
	static List<String> missing(String scrape) {
		List<String> missing = new ArrayList<>();
		METRICS.keySet().forEach((name) -> {
			if (seriesOf(scrape, name).isEmpty()) {
				missing.add(name);
			}
		});
		return missing;
	}

	/** Series whose label names differ from the contract's, described one per entry. */
	static List<String> labelMismatches(String scrape) {
		List<String> mismatches = new ArrayList<>();
		METRICS.forEach((name, labels) -> {
			Set<String> expected = new TreeSet<>(labels);
			expected.addAll(IDENTITY);
			for (Set<String> actual : seriesOf(scrape, name)) {
				if (!actual.equals(expected)) {
					mismatches.add(name + " has " + actual + " but the contract says " + expected);
				}
			}
		});
		return mismatches;
	}

	private static List<Set<String>> seriesOf(String scrape, String name) {
		List<Set<String>> series = new ArrayList<>();
		for (String line : scrape.split("\\n")) {
			Matcher sample = SAMPLE.matcher(line);
			if (!sample.find() || !belongsTo(sample.group(1), name)) {
				continue;
			}
			Set<String> labels = new TreeSet<>();
			Matcher label = LABEL.matcher(sample.group(2));
			while (label.find()) {
				labels.add(label.group(1));
			}
			labels.remove("le");
			labels.remove("quantile");
			series.add(labels);
		}
		return series;
	}

	private static boolean belongsTo(String sampleName, String name) {
		if (sampleName.equals(name)) {
			return true;
		}
		for (String suffix : new String[] { "_bucket", "_count", "_sum" }) {
			if (sampleName.equals(name + suffix)) {
				return true;
			}
		}
		return false;
	}

}
