package com.pyairtable.observability.opskit;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import static com.pyairtable.observability.opskit.RuleTestInputs.labels;

/**
 * The alerts of section 6 of the contract, with their defaults, texts, expressions (every
 * one grouped {@code by (service)}, except the fleet-wide Airtable quota) and test
 * inputs.
 */
public final class AlertCatalog {

	private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

	private static final Duration TEN_MINUTES = Duration.ofMinutes(10);

	private static final String HTTP_COUNT = "http_server_requests_seconds_count";

	private static final String HTTP_BUCKET = "http_server_requests_seconds_bucket";

	private static final List<AlertDefinition> ALERTS = List.of(
			alert("ServiceDown", "service", null, 0, 1, "critical", "{{ $labels.service }} is down",
					"More than the threshold of {{ $labels.service }}'s scrape targets answer no scrape (up == 0).",
					(t) -> "count by (service) (up == 0) > " + Promql.number(t),
					RuleTestInputs.badCount("up", labels(), "instance", 0, 1, labels())),
			alert("ServiceHighErrorRate", "service", null, 0.10, 2, "critical",
					"{{ $labels.service }} answers too many 5xx",
					"The share of 5xx responses of {{ $labels.service }} over 5m is above the threshold.",
					(t) -> errorRatio("") + " > " + Promql.number(t),
					RuleTestInputs.share(HTTP_COUNT, labels("uri", "/x"), "status", "500", "200", FIVE_MINUTES, true,
							labels())),
			alert("ServiceHighLatency", "service", null, 1, 5, "warning", "{{ $labels.service }} p95 latency is high",
					"The 95th percentile of {{ $labels.service }}'s request latency over 5m is above the threshold (seconds).",
					(t) -> quantile(0.95, "") + " > " + Promql.number(t),
					RuleTestInputs.quantile(HTTP_BUCKET, labels(), FIVE_MINUTES, labels())),
			alert("ServiceHighLatencyP99", "service", null, 3, 5, "warning",
					"{{ $labels.service }} p99 latency is high",
					"The 99th percentile of {{ $labels.service }}'s request latency over 5m is above the threshold (seconds).",
					(t) -> quantile(0.99, "") + " > " + Promql.number(t),
					RuleTestInputs.quantile(HTTP_BUCKET, labels(), FIVE_MINUTES, labels())),
			alert("APIGatewayHighErrorRate", "gateway", null, 0.05, 2, "critical",
					"Gateway {{ $labels.service }} answers too many 5xx",
					"The share of 5xx responses of the gateway-tier service {{ $labels.service }} over 5m is above the threshold.",
					(t) -> errorRatio("tier=\"gateway\"") + " > " + Promql.number(t),
					RuleTestInputs.share(HTTP_COUNT, labels("tier", "gateway", "uri", "/x"), "status", "503", "200",
							FIVE_MINUTES, true, labels())),
			alert("APIGatewayHighLatency", "gateway", null, 2, 5, "warning",
					"Gateway {{ $labels.service }} p95 latency is high",
					"The 95th percentile of the gateway-tier service {{ $labels.service }}'s latency over 5m is above the threshold (seconds).",
					(t) -> quantile(0.95, "tier=\"gateway\"") + " > " + Promql.number(t),
					RuleTestInputs.quantile(HTTP_BUCKET, labels("tier", "gateway"), FIVE_MINUTES, labels())),
			alert("AirtableRateLimitHit", "airtable", "metrics.airtable", 0, 1, "warning",
					"{{ $labels.service }} hit Airtable's rate limit",
					"Airtable answered 429 to {{ $labels.service }} more often than the threshold in the last 5m.",
					(t) -> "sum by (service) (increase(airtable_rate_limit_hits_total[5m])) > " + Promql.number(t),
					RuleTestInputs.increase("airtable_rate_limit_hits_total", labels("base", "app1"), FIVE_MINUTES,
							labels())),
			alert("AirtableQuotaNearlyExhausted", "airtable", "metrics.airtable", 0.8, 15, "warning",
					"The fleet has used most of its Airtable monthly quota",
					"Airtable calls of the whole fleet over 30d are above the threshold share of the monthly quota.",
					(t) -> "sum(increase(airtable_api_requests_total[30d])) / max(airtable_api_monthly_quota) > "
							+ Promql.number(t),
					RuleTestInputs.quota()),
			alert("CircuitBreakerOpen", "resilience", "metrics.resilience", 0, 1, "warning",
					"Circuit breaker {{ $labels.name }} of {{ $labels.service }} is open",
					"Circuit breaker {{ $labels.name }} of {{ $labels.service }} has been open (state 1) for the whole period.",
					(t) -> "count by (service, name) (circuit_breaker_state == 1) > " + Promql.number(t),
					RuleTestInputs.badCount("circuit_breaker_state", labels("name", "backend"), "instance", 1, 2,
							labels("name", "backend"))),
			alert("LowCacheHitRatio", "cache", "metrics.cache", 0.7, 10, "warning",
					"Cache {{ $labels.cache }} of {{ $labels.service }} misses too often",
					"The hit share of gets on cache {{ $labels.cache }} of {{ $labels.service }} over 10m is below the threshold.",
					(t) -> "sum by (service, cache) (rate(cache_operations_total{operation=\"get\",result=\"hit\"}[10m]))"
							+ " / sum by (service, cache) (rate(cache_operations_total{operation=\"get\",result=~\"hit|miss\"}[10m])) < "
							+ Promql.number(t),
					RuleTestInputs.share("cache_operations_total", labels("cache", "records", "operation", "get"),
							"result", "hit", "miss", TEN_MINUTES, false, labels("cache", "records"))),
			alert("SagaFailureRate", "saga", "metrics.saga", 0.01, 5, "warning",
					"Saga {{ $labels.saga }} of {{ $labels.service }} fails too often",
					"The share of failed or compensated executions of saga {{ $labels.saga }} over 5m is above the threshold.",
					(t) -> "sum by (service, saga) (rate(saga_executions_total{outcome=~\"failed|compensated\"}[5m]))"
							+ " / sum by (service, saga) (rate(saga_executions_total[5m])) > " + Promql.number(t),
					RuleTestInputs.share("saga_executions_total", labels("saga", "order"), "outcome", "failed",
							"completed", FIVE_MINUTES, true, labels("saga", "order"))),
			alert("HighAICosts", "llm", "metrics.llm", 10, 15, "warning",
					"{{ $labels.service }} spends too much on LLMs",
					"The LLM cost of {{ $labels.service }} over the last hour is above the threshold (USD).",
					(t) -> "sum by (service) (increase(llm_cost_usd_total[1h])) > " + Promql.number(t),
					RuleTestInputs.increase("llm_cost_usd_total",
							labels("provider", "google", "model", "gemini-2.5-flash"), Duration.ofHours(1), labels())),
			alert("LlmHighErrorRate", "llm", "metrics.llm", 0.05, 5, "warning",
					"{{ $labels.service }}'s LLM calls fail too often",
					"The share of LLM calls of {{ $labels.service }} not answered with success over 5m is above the threshold.",
					(t) -> "sum by (service) (rate(llm_requests_total{status!~\"success|2..\"}[5m]))"
							+ " / sum by (service) (rate(llm_requests_total[5m])) > " + Promql.number(t),
					RuleTestInputs.share("llm_requests_total", labels("model", "gemini-2.5-flash"), "status", "error",
							"success", FIVE_MINUTES, true, labels())),
			alert("DependencyDown", "health", "health", 0, 1, "critical",
					"Dependency {{ $labels.check }} of {{ $labels.service }} is down",
					"Health check {{ $labels.check }} of {{ $labels.service }} reports down (health_check_up == 0).",
					(t) -> "count by (service, check) (health_check_up == 0) > " + Promql.number(t),
					RuleTestInputs.badCount("health_check_up", labels("check", "db"), "instance", 0, 1,
							labels("check", "db"))),
			alert("DatabaseConnectionPoolExhausted", "infrastructure", null, 0.9, 2, "critical",
					"Connection pool {{ $labels.pool }} of {{ $labels.service }} is exhausted",
					"Pool {{ $labels.pool }} of {{ $labels.service }} has callers waiting for a connection or its usage is above the threshold.",
					(t) -> "max by (service, pool) (hikaricp_connections_pending) > 0 or max by (service, pool) "
							+ "(hikaricp_connections_active / hikaricp_connections_max) > " + Promql.number(t),
					RuleTestInputs.usage("hikaricp_connections_active", "hikaricp_connections_max",
							labels("pool", "HikariPool-1"),
							Map.of(RuleTestInputs.series("hikaricp_connections_pending",
									labels("pool", "HikariPool-1")), "0x600"),
							labels("pool", "HikariPool-1"))),
			alert("HighMemoryUsage", "infrastructure", null, 0.9, 5, "warning",
					"{{ $labels.instance }} of {{ $labels.service }} uses most of its heap",
					"Heap used by {{ $labels.instance }} of {{ $labels.service }} is above the threshold share of its maximum.",
					(t) -> "sum by (service, instance) (jvm_memory_used_bytes{area=\"heap\"}) / sum by (service, instance) "
							+ "(jvm_memory_max_bytes{area=\"heap\"} > 0) > " + Promql.number(t),
					RuleTestInputs.usage("jvm_memory_used_bytes", "jvm_memory_max_bytes",
							labels("instance", "i0", "area", "heap", "id", "G1 Old Gen"), Map.of(),
							labels("instance", "i0"))),
			alert("HighCPUUsage", "infrastructure", null, 0.8, 10, "warning",
					"{{ $labels.instance }} of {{ $labels.service }} burns CPU",
					"Process CPU usage of {{ $labels.instance }} of {{ $labels.service }} is above the threshold.",
					(t) -> "max by (service, instance) (process_cpu_usage) > " + Promql.number(t),
					RuleTestInputs.gauge("process_cpu_usage", labels("instance", "i0"), labels("instance", "i0"))),
			alert("TracingSpansDropped", "observability", "tracing", 0, 10, "warning",
					"{{ $labels.service }} drops spans",
					"{{ $labels.service }} lost more spans than the threshold before export in the last 10m.",
					(t) -> "sum by (service) (increase(tracing_spans_dropped_total[10m])) > " + Promql.number(t),
					RuleTestInputs.increase("tracing_spans_dropped_total", labels("reason", "queue_full"), TEN_MINUTES,
							labels())),
			alert("MetricCardinalityOverflow", "observability", "metrics.cardinality", 0, 0, "warning",
					"{{ $labels.service }} folds tag values into 'other'",
					"The cardinality guard of {{ $labels.service }} folded more tag values than the threshold in the last 10m.",
					(t) -> "sum by (service) (increase(observability_tag_overflow_total[10m])) > " + Promql.number(t),
					RuleTestInputs.increase("observability_tag_overflow_total", labels("metric", "m", "tag", "t"),
							TEN_MINUTES, labels())));

	/** The contract's alerts, then those of the data layer. */
	private static final List<AlertDefinition> ALL = java.util.stream.Stream
		.concat(ALERTS.stream(), DataLayerAlerts.ALERTS.stream())
		.toList();

	private AlertCatalog() {
	}

	/**
	 * Returns the alerts of the contract, in the contract's order, then the data layer's.
	 * @return the alerts
	 */
	public static List<AlertDefinition> alerts() {
		return ALL;
	}

	/**
	 * The 5xx share of HTTP server requests over 5m by service.
	 * @param selector extra label matchers, or empty
	 * @return the expression
	 */
	static String errorRatio(String selector) {
		String extra = selector.isEmpty() ? "" : "," + selector;
		return "sum by (service) (rate(" + HTTP_COUNT + "{status=~\"5..\"" + extra + "}[5m])) / sum by (service) (rate("
				+ HTTP_COUNT + (selector.isEmpty() ? "" : "{" + selector + "}") + "[5m]))";
	}

	private static String quantile(double quantile, String selector) {
		return "histogram_quantile(" + Promql.number(quantile) + ", sum by (service, le) (rate(" + HTTP_BUCKET
				+ (selector.isEmpty() ? "" : "{" + selector + "}") + "[5m])))";
	}

	private static AlertDefinition alert(String name, String group, @Nullable String feature, double threshold,
			int forMinutes, String severity, String summary, String description,
			java.util.function.DoubleFunction<String> expression, RuleTestCase.Factory tests) {
		AlertSettings defaults = new AlertSettings(true, threshold, Duration.ofMinutes(forMinutes), severity, "");
		return new AlertDefinition(name, group, feature, defaults, summary, description, expression, tests);
	}

}
