package com.pyairtable.observability.opskit;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleFunction;

import org.jspecify.annotations.Nullable;

import static com.pyairtable.observability.opskit.RuleTestInputs.constant;
import static com.pyairtable.observability.opskit.RuleTestInputs.counter;
import static com.pyairtable.observability.opskit.RuleTestInputs.labels;
import static com.pyairtable.observability.opskit.RuleTestInputs.series;

/**
 * The alerts of the data layer and the fleet's housekeeping: database queries, outbound
 * APIs, background jobs, idle services and disks. Every expression is grouped
 * {@code by (service)}.
 */
final class DataLayerAlerts {

	private static final Duration MINUTE = Duration.ofMinutes(1);

	private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

	private static final Duration MARGIN = Duration.ofMinutes(5);

	private static final String QUERY_BUCKET = "database_query_duration_seconds_bucket";

	private static final String CLIENT_COUNT = "http_client_requests_seconds_count";

	/**
	 * Spring's client status when no response came back: an I/O error or a client-side
	 * failure.
	 */
	private static final String CLIENT_ERRORS = "5..|IO_ERROR|CLIENT_ERROR";

	/**
	 * Failure values of the queue status: the queue metrics record {@code error}; the
	 * others are matched too.
	 */
	private static final String QUEUE_FAILURES = "error|failure|failed";

	static final List<AlertDefinition> ALERTS = List.of(alert("SlowDatabaseQueries", "database", "database", 0.5, 5,
			"warning", "{{ $labels.service }}'s database queries are slow",
			"The 95th percentile of {{ $labels.service }}'s JDBC statement duration over 5m is above the threshold (seconds).",
			(t) -> queryQuantile(0.95) + " > " + Promql.number(t),
			RuleTestInputs.quantile(QUERY_BUCKET, labels("operation", "select"), FIVE_MINUTES, labels())),
			alert("DatabaseQueryTimeout", "database", "database", 2.5, 5, "critical",
					"{{ $labels.service }}'s database queries approach their timeout",
					"The 99th percentile of {{ $labels.service }}'s JDBC statement duration over 5m is above the threshold (seconds).",
					(t) -> queryQuantile(0.99) + " > " + Promql.number(t),
					RuleTestInputs.quantile(QUERY_BUCKET, labels("operation", "select"), FIVE_MINUTES, labels())),
			alert("DatabaseConnectionFailures", "database", "database", 0, 1, "critical",
					"{{ $labels.service }} cannot connect to its database",
					"{{ $labels.service }} failed to get a database connection more often than the threshold in the last 5m.",
					(t) -> "sum by (service) (increase(database_errors_total{error=\"connection\"}[5m])) > "
							+ Promql.number(t),
					RuleTestInputs.increase("database_errors_total", labels("error", "connection"), FIVE_MINUTES,
							labels())),
			alert("ExternalApiHighErrorRate", "external-api", "http-client", 0.05, 5, "warning",
					"Calls of {{ $labels.service }} to {{ $labels.client_name }} fail too often",
					"The share of calls of {{ $labels.service }} to {{ $labels.client_name }} answered 5xx or without a response over 5m is above the threshold.",
					(t) -> "sum by (service, client_name) (rate(" + CLIENT_COUNT + "{status=~\"" + CLIENT_ERRORS
							+ "\"}[5m])) / sum by (service, client_name) (rate(" + CLIENT_COUNT + "[5m])) > "
							+ Promql.number(t),
					RuleTestInputs.share(CLIENT_COUNT, labels("client_name", "api.example.com", "uri", "/x"), "status",
							"503", "200", FIVE_MINUTES, true, labels("client_name", "api.example.com"))),
			alert("BackgroundJobFailures", "jobs", "metrics.queue", 0.10, 10, "warning",
					"Jobs of queue {{ $labels.queue }} of {{ $labels.service }} fail too often",
					"The share of failed operations on queue {{ $labels.queue }} of {{ $labels.service }} over 5m is above the threshold.",
					(t) -> "sum by (service, queue) (rate(queue_operations_total{status=~\"" + QUEUE_FAILURES
							+ "\"}[5m])) / sum by (service, queue) (rate(queue_operations_total[5m])) > "
							+ Promql.number(t),
					RuleTestInputs.share("queue_operations_total", labels("queue", "jobs", "operation", "consume"),
							"status", "error", "success", FIVE_MINUTES, true, labels("queue", "jobs"))),
			alert("UnusedService", "service", null, 0, 0, "info", "{{ $labels.service }} received no requests for 1h",
					"{{ $labels.service }} answered no more requests than the threshold in the last hour (probes and scrapes not counted).",
					(t) -> "sum by (service) (increase(http_server_requests_seconds_count[1h])) <= " + Promql.number(t),
					idle("http_server_requests_seconds_count", labels("uri", "/x", "status", "200"),
							Duration.ofHours(1))),
			alert("HighDiskUsage", "infrastructure", null, 0.8, 5, "warning",
					"Disk {{ $labels.path }} of {{ $labels.instance }} ({{ $labels.service }}) is filling up",
					"The used share of the disk holding {{ $labels.path }} of {{ $labels.instance }} is above the threshold.",
					(t) -> "max by (service, instance, path) (1 - disk_free_bytes / disk_total_bytes) > "
							+ Promql.number(t),
					diskUsage(labels("instance", "i0", "path", "/app"))));

	private DataLayerAlerts() {
	}

	private static String queryQuantile(double quantile) {
		return "histogram_quantile(" + Promql.number(quantile) + ", sum by (service, le) (rate(" + QUERY_BUCKET
				+ "[5m])))";
	}

	/**
	 * The increase of a counter over the window must be at most the threshold: a flat
	 * counter fires, one that grows by one a minute stays silent.
	 */
	static RuleTestCase.Factory idle(String metric, Map<String, String> seriesLabels, Duration window) {
		return (threshold, forDuration) -> {
			Duration eval = window.plus(forDuration).plus(MARGIN);
			double step = Math.max(1, threshold + 1);
			return new RuleTestCase(MINUTE, eval, Map.of(series(metric, seriesLabels), constant(5, eval)),
					Map.of(series(metric, seriesLabels), counter(step, eval, MINUTE)), labels());
		};
	}

	/**
	 * The used share of a disk ({@code 1 - free / total}) must be above the threshold:
	 * half the allowed free space fires, one and a half times it stays silent.
	 */
	static RuleTestCase.Factory diskUsage(Map<String, String> seriesLabels) {
		return (threshold, forDuration) -> {
			Duration eval = forDuration.plus(MARGIN);
			double allowedFree = 1000 * (1 - threshold);
			Map<String, String> firing = new LinkedHashMap<>();
			firing.put(series("disk_free_bytes", seriesLabels), constant(allowedFree * 0.5, eval));
			firing.put(series("disk_total_bytes", seriesLabels), constant(1000, eval));
			Map<String, String> silent = new LinkedHashMap<>();
			silent.put(series("disk_free_bytes", seriesLabels), constant(Math.min(1000, allowedFree * 1.5), eval));
			silent.put(series("disk_total_bytes", seriesLabels), constant(1000, eval));
			Map<String, String> alertLabels = new LinkedHashMap<>(seriesLabels);
			return new RuleTestCase(MINUTE, eval, firing, silent, alertLabels);
		};
	}

	private static AlertDefinition alert(String name, String group, @Nullable String feature, double threshold,
			int forMinutes, String severity, String summary, String description, DoubleFunction<String> expression,
			RuleTestCase.Factory tests) {
		AlertSettings defaults = new AlertSettings(true, threshold, Duration.ofMinutes(forMinutes), severity, "");
		return new AlertDefinition(name, group, feature, defaults, summary, description, expression, tests);
	}

}
