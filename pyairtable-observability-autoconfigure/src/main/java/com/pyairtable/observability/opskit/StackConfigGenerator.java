package com.pyairtable.observability.opskit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Generates the monitoring stack's configuration: Prometheus, Alertmanager (routing by
 * severity to PagerDuty, Slack and e-mail, secrets read from files), Grafana provisioning
 * (Prometheus, Tempo and Loki with exemplar and trace-to-logs links), the OpenTelemetry
 * Collector, Tempo, and a docker-compose file for the whole stack: images pinned, only
 * Grafana and the Collector's OTLP receivers published on the settings' bind address
 * (loopback by default), Prometheus on loopback, the rest on the compose network only,
 * and no anonymous or default-password access to Grafana.
 */
public final class StackConfigGenerator {

	/** Prometheus image: 3.13 is a long-term-support release. */
	public static final String PROMETHEUS_IMAGE = "prom/prometheus:v3.13.2";

	/** Alertmanager image. */
	public static final String ALERTMANAGER_IMAGE = "prom/alertmanager:v0.35.1";

	/** Grafana image. */
	public static final String GRAFANA_IMAGE = "grafana/grafana:12.4.0";

	/** Tempo image. */
	public static final String TEMPO_IMAGE = "grafana/tempo:2.10.4";

	/** Loki image. */
	public static final String LOKI_IMAGE = "grafana/loki:3.5.1";

	/** OpenTelemetry Collector image (contrib: the Loki and Tempo exporters). */
	public static final String COLLECTOR_IMAGE = "otel/opentelemetry-collector-contrib:0.149.0";

	/**
	 * Generates the stack files.
	 * @param settings the kit settings
	 * @return file path in the kit to content
	 */
	public Map<String, String> generate(OpsKitSettings settings) {
		Map<String, String> files = new LinkedHashMap<>();
		files.put("prometheus/prometheus.yml", KitYaml.dump(prometheus(settings)));
		files.put("alertmanager/alertmanager.yml", KitYaml.dump(alertmanager()));
		files.put("grafana/provisioning/datasources/datasources.yml", KitYaml.dump(datasources()));
		files.put("grafana/provisioning/dashboards/dashboards.yml", KitYaml.dump(dashboardProvider()));
		files.put("otel-collector/config.yaml", KitYaml.dump(collector()));
		files.put("tempo/tempo.yaml", KitYaml.dump(tempo()));
		files.put("docker-compose.yml", KitYaml.dump(compose(settings)));
		return files;
	}

	private Map<String, Object> prometheus(OpsKitSettings settings) {
		Map<String, Object> scrape = Maps.of("job_name", settings.service(), "metrics_path", settings.metricsPath(),
				// The service's own 'service' label wins; series without one (such as up)
				// get the target's.
				"honor_labels", true, "static_configs", List.of(Maps.of("targets", settings.scrapeTargets(), "labels",
						Maps.of("service", settings.service()))));
		return Maps.of("global",
				Maps.of("scrape_interval", Promql.duration(settings.scrapeInterval()), "evaluation_interval",
						Promql.duration(settings.evaluationInterval())),
				"rule_files", List.of("rules/*.yml"), "alerting",
				Maps.of("alertmanagers",
						List.of(Maps.of("static_configs", List.of(Maps.of("targets", List.of("alertmanager:9093")))))),
				"scrape_configs", List.of(scrape));
	}

	private Map<String, Object> alertmanager() {
		String secrets = "/etc/alertmanager/secrets/";
		Map<String, Object> route = Maps.of("receiver", "email", "group_by", List.of("alertname", "service"),
				"group_wait", "30s", "group_interval", "5m", "repeat_interval", "4h", "routes",
				List.of(Maps.of("receiver", "pagerduty", "matchers", List.of("severity=\"critical\""), "continue",
						true), Maps.of("receiver", "slack", "matchers", List.of("severity=~\"critical|warning\"")),
						Maps.of("receiver", "email", "matchers", List.of("severity=\"info\""))));
		List<Object> receivers = List.of(
				Maps.of("name", "pagerduty", "pagerduty_configs",
						List.of(Maps.of("routing_key_file", secrets + "pagerduty-routing-key", "severity",
								"{{ .CommonLabels.severity }}"))),
				Maps.of("name", "slack", "slack_configs", List.of(Maps.of("api_url_file", secrets + "slack-webhook-url",
						"channel", "#pyairtable-alerts", "send_resolved", true, "title",
						"{{ .CommonLabels.alertname }} ({{ .CommonLabels.service }})", "text",
						"{{ range .Alerts }}{{ .Annotations.summary }}\n{{ .Annotations.runbook_url }}\n{{ end }}"))),
				Maps.of("name", "email", "email_configs",
						List.of(Maps.of("to", "oncall@pyairtable.example", "send_resolved", true))));
		return Maps.of("global",
				Maps.of("resolve_timeout", "5m", "smtp_smarthost", "smtp.pyairtable.example:587", "smtp_from",
						"alertmanager@pyairtable.example", "smtp_auth_username", "alertmanager",
						"smtp_auth_password_file", secrets + "smtp-password"),
				"route", route, "inhibit_rules",
				List.of(Maps.of("source_matchers", List.of("severity=\"critical\""), "target_matchers",
						List.of("severity=\"warning\""), "equal", List.of("alertname", "service"))),
				"receivers", receivers);
	}

	private Map<String, Object> datasources() {
		Map<String, Object> prometheus = Maps.of("name", "Prometheus", "uid", "prometheus", "type", "prometheus",
				"access", "proxy", "url", "http://prometheus:9090", "isDefault", true, "jsonData",
				Maps.of("exemplarTraceIdDestinations", List.of(Maps.of("name", "trace_id", "datasourceUid", "tempo"))));
		Map<String, Object> tempo = Maps.of("name", "Tempo", "uid", "tempo", "type", "tempo", "access", "proxy", "url",
				"http://tempo:3200", "jsonData",
				Maps.of("tracesToLogsV2",
						Maps.of("datasourceUid", "loki", "spanStartTimeShift", "-5m", "spanEndTimeShift", "5m",
								"filterByTraceID", true, "filterBySpanID", false, "tags",
								List.of(Maps.of("key", "service.name", "value", "service_name"))),
						"tracesToMetrics", Maps.of("datasourceUid", "prometheus"), "serviceMap",
						Maps.of("datasourceUid", "prometheus"), "lokiSearch", Maps.of("datasourceUid", "loki")));
		Map<String, Object> loki = Maps.of("name", "Loki", "uid", "loki", "type", "loki", "access", "proxy", "url",
				"http://loki:3100", "jsonData",
				Maps.of("derivedFields",
						List.of(Maps.of("name", "trace_id", "matcherType", "label", "matcherRegex", "trace_id",
								"datasourceUid", "tempo", "url", "$${__value.raw}"),
								Maps.of("name", "TraceID", "matcherRegex", "\"trace_id\":\"(\\w+)\"", "datasourceUid",
										"tempo", "url", "$${__value.raw}"))));
		return Maps.of("apiVersion", 1, "datasources", List.of(prometheus, tempo, loki));
	}

	private Map<String, Object> dashboardProvider() {
		return Maps.of("apiVersion", 1, "providers",
				List.of(Maps.of("name", "pyairtable", "folder", "PyAirtable", "type", "file", "disableDeletion", false,
						"allowUiUpdates", true, "options", Maps.of("path", "/var/lib/grafana/dashboards"))));
	}

	private Map<String, Object> collector() {
		return Maps.of("receivers",
				Maps.of("otlp",
						Maps.of("protocols",
								Maps.of("grpc", Maps.of("endpoint", "0.0.0.0:4317"), "http",
										Maps.of("endpoint", "0.0.0.0:4318")))),
				"processors",
				Maps.of("batch", Maps.of(), "memory_limiter",
						Maps.of("check_interval", "1s", "limit_percentage", 80, "spike_limit_percentage", 20)),
				"exporters", Maps.of("otlp/tempo", Maps.of("endpoint", "tempo:4317", "tls", Maps.of("insecure", true)),
						// Loki 3 ingests OTLP natively; trace_id stays structured
						// metadata of each line.
						"otlphttp/loki", Maps.of("endpoint", "http://loki:3100/otlp")),
				"service",
				Maps.of("pipelines",
						Maps.of("traces",
								Maps.of("receivers", List.of("otlp"), "processors", List.of("memory_limiter", "batch"),
										"exporters", List.of("otlp/tempo")),
								"logs", Maps.of("receivers", List.of("otlp"), "processors",
										List.of("memory_limiter", "batch"), "exporters", List.of("otlphttp/loki")))));
	}

	private Map<String, Object> tempo() {
		return Maps.of("server", Maps.of("http_listen_port", 3200), "distributor",
				Maps.of("receivers",
						Maps.of("otlp", Maps.of("protocols", Maps.of("grpc", Maps.of("endpoint", "0.0.0.0:4317"))))),
				"storage", Maps.of("trace", Maps.of("backend", "local", "wal", Maps.of("path", "/var/tempo/wal"),
						"local", Maps.of("path", "/var/tempo/blocks"))));
	}

	private Map<String, Object> compose(OpsKitSettings settings) {
		String bind = settings.bindAddress();
		Map<String, Object> services = new LinkedHashMap<>();
		// Prometheus has no authentication of its own: loopback only, whatever
		// bind-address
		// says, and no lifecycle API (reload with SIGHUP instead).
		services.put("prometheus", Maps.of("image", PROMETHEUS_IMAGE, "command",
				List.of("--config.file=/etc/prometheus/prometheus.yml", "--enable-feature=exemplar-storage"), "volumes",
				List.of("./prometheus:/etc/prometheus:ro"), "ports", List.of(OpsKitSettings.LOOPBACK + ":9090:9090"),
				"extra_hosts", List.of("host.docker.internal:host-gateway")));
		// Alertmanager, Tempo and Loki have no authentication either: on the compose
		// network only.
		services.put("alertmanager",
				Maps.of("image", ALERTMANAGER_IMAGE, "command",
						List.of("--config.file=/etc/alertmanager/alertmanager.yml"), "volumes",
						List.of("./alertmanager/alertmanager.yml:/etc/alertmanager/alertmanager.yml:ro",
								"./secrets:/etc/alertmanager/secrets:ro"),
						"expose", List.of("9093")));
		services.put("grafana",
				Maps.of("image", GRAFANA_IMAGE, "environment",
						Maps.of("GF_AUTH_ANONYMOUS_ENABLED", "false", "GF_USERS_ALLOW_SIGN_UP", "false",
								"GF_SECURITY_ADMIN_USER", "admin",
								// No fallback: compose refuses to start without the
								// variable.
								"GF_SECURITY_ADMIN_PASSWORD", "${GRAFANA_ADMIN_PASSWORD:?set GRAFANA_ADMIN_PASSWORD}"),
						"volumes",
						List.of("./grafana/provisioning:/etc/grafana/provisioning:ro",
								"./grafana/dashboards:/var/lib/grafana/dashboards:ro"),
						"ports", List.of(bind + ":3000:3000"), "depends_on", List.of("prometheus", "tempo", "loki")));
		services.put("tempo", Maps.of("image", TEMPO_IMAGE, "command", List.of("-config.file=/etc/tempo.yaml"),
				"volumes", List.of("./tempo/tempo.yaml:/etc/tempo.yaml:ro"), "expose", List.of("3200", "4317")));
		services.put("loki", Maps.of("image", LOKI_IMAGE, "command",
				List.of("-config.file=/etc/loki/local-config.yaml"), "expose", List.of("3100")));
		// Only the OTLP receivers are published, for the services to send to; the
		// Collector's
		// own ports (health, metrics, zpages) stay inside the container.
		services.put("otel-collector",
				Maps.of("image", COLLECTOR_IMAGE, "command", List.of("--config=/etc/otelcol/config.yaml"), "volumes",
						List.of("./otel-collector/config.yaml:/etc/otelcol/config.yaml:ro"), "ports",
						List.of(bind + ":4317:4317", bind + ":4318:4318"), "depends_on", List.of("tempo", "loki")));
		return Maps.of("version", "3.8", "services", services);
	}

}
