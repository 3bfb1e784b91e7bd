package com.pyairtable.observability.opskit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Generates the monitoring stack's configuration: Prometheus, Alertmanager (routing by
 * severity to PagerDuty, Slack and e-mail, secrets read from files), Grafana provisioning
 * (Prometheus, Tempo and Loki with exemplar and trace-to-logs links), the OpenTelemetry
 * Collector, Tempo, and a docker-compose file for the whole stack.
 */
public final class StackConfigGenerator {

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
		files.put("docker-compose.yml", KitYaml.dump(compose()));
		return files;
	}

	private Map<String, Object> prometheus(OpsKitSettings settings) {
		Map<String, Object> scrape = Maps.of("job_name", settings.service(), "metrics_path", settings.metricsPath(),
				// The service's own 'service' label wins; series without one (such as up) get the target's.
				"honor_labels", true, "static_configs",
				List.of(Maps.of("targets", settings.scrapeTargets(), "labels", Maps.of("service", settings.service()))));
		return Maps.of("global",
				Maps.of("scrape_interval", Promql.duration(settings.scrapeInterval()), "evaluation_interval",
						Promql.duration(settings.evaluationInterval())),
				"rule_files", List.of("rules/*.yml"), "alerting",
				Maps.of("alertmanagers", List.of(Maps.of("static_configs", List.of(Maps.of("targets",
						List.of("alertmanager:9093")))))),
				"scrape_configs", List.of(scrape));
	}

	private Map<String, Object> alertmanager() {
		String secrets = "/etc/alertmanager/secrets/";
		Map<String, Object> route = Maps.of("receiver", "email", "group_by", List.of("alertname", "service"),
				"group_wait", "30s", "group_interval", "5m", "repeat_interval", "4h", "routes",
				List.of(Maps.of("receiver", "pagerduty", "matchers", List.of("severity=\"critical\""), "continue", true),
						Maps.of("receiver", "slack", "matchers", List.of("severity=~\"critical|warning\"")),
						Maps.of("receiver", "email", "matchers", List.of("severity=\"info\""))));
		List<Object> receivers = List.of(
				Maps.of("name", "pagerduty", "pagerduty_configs",
						List.of(Maps.of("routing_key_file", secrets + "pagerduty-routing-key", "severity",
								"{{ .CommonLabels.severity }}"))),
				Maps.of("name", "slack", "slack_configs",
						List.of(Maps.of("api_url_file", secrets + "slack-webhook-url", "channel", "#pyairtable-alerts",
								"send_resolved", true, "title", "{{ .CommonLabels.alertname }} ({{ .CommonLabels.service }})",
								"text", "{{ range .Alerts }}{{ .Annotations.summary }}\n{{ .Annotations.runbook_url }}\n{{ end }}"))),
				Maps.of("name", "email", "email_configs", List.of(Maps.of("to", "oncall@pyairtable.example", "send_resolved",
						true))));
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
				Maps.of("derivedFields", List.of(
						Maps.of("name", "trace_id", "matcherType", "label", "matcherRegex", "trace_id", "datasourceUid",
								"tempo", "url", "$${__value.raw}"),
						Maps.of("name", "TraceID", "matcherRegex", "\"trace_id\":\"(\\w+)\"", "datasourceUid", "tempo",
								"url", "$${__value.raw}"))));
		return Maps.of("apiVersion", 1, "datasources", List.of(prometheus, tempo, loki));
	}

	private Map<String, Object> dashboardProvider() {
		return Maps.of("apiVersion", 1, "providers",
				List.of(Maps.of("name", "pyairtable", "folder", "PyAirtable", "type", "file", "disableDeletion", false,
						"allowUiUpdates", true, "options", Maps.of("path", "/var/lib/grafana/dashboards"))));
	}

	private Map<String, Object> collector() {
		return Maps.of("receivers",
				Maps.of("otlp", Maps.of("protocols",
						Maps.of("grpc", Maps.of("endpoint", "0.0.0.0:4317"), "http", Maps.of("endpoint", "0.0.0.0:4318")))),
				"processors", Maps.of("batch", Maps.of(), "memory_limiter",
						Maps.of("check_interval", "1s", "limit_percentage", 80, "spike_limit_percentage", 20)),
				"exporters",
				Maps.of("otlp/tempo", Maps.of("endpoint", "tempo:4317", "tls", Maps.of("insecure", true)),
						// Loki 3 ingests OTLP natively; trace_id stays structured metadata of each line.
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
				"storage", Maps.of("trace", Maps.of("backend", "local", "wal", Maps.of("path", "/var/tempo/wal"), "local",
						Maps.of("path", "/var/tempo/blocks"))));
	}

	private Map<String, Object> compose() {
		Map<String, Object> services = new LinkedHashMap<>();
		services.put("prometheus", Maps.of("image", "prom/prometheus:v2.53.2", "command",
				List.of("--config.file=/etc/prometheus/prometheus.yml", "--enable-feature=exemplar-storage",
						"--web.enable-lifecycle"),
				"volumes", List.of("./prometheus:/etc/prometheus:ro"), "ports", List.of("9090:9090"), "extra_hosts",
				List.of("host.docker.internal:host-gateway")));
		services.put("alertmanager", Maps.of("image", "prom/alertmanager:v0.27.0", "command",
				List.of("--config.file=/etc/alertmanager/alertmanager.yml"), "volumes",
				List.of("./alertmanager/alertmanager.yml:/etc/alertmanager/alertmanager.yml:ro",
						"./secrets:/etc/alertmanager/secrets:ro"),
				"ports", List.of("9093:9093")));
		services.put("grafana", Maps.of("image", "grafana/grafana:11.2.0", "environment",
				Maps.of("GF_AUTH_ANONYMOUS_ENABLED", "true", "GF_AUTH_ANONYMOUS_ORG_ROLE", "Viewer",
						"GF_SECURITY_ADMIN_PASSWORD", "${GRAFANA_ADMIN_PASSWORD:-admin}"),
				"volumes", List.of("./grafana/provisioning:/etc/grafana/provisioning:ro",
						"./grafana/dashboards:/var/lib/grafana/dashboards:ro"),
				"ports", List.of("3000:3000"), "depends_on", List.of("prometheus", "tempo", "loki")));
		services.put("tempo", Maps.of("image", "grafana/tempo:2.6.0", "command", List.of("-config.file=/etc/tempo.yaml"),
				"volumes", List.of("./tempo/tempo.yaml:/etc/tempo.yaml:ro"), "ports", List.of("3200:3200")));
		services.put("loki", Maps.of("image", "grafana/loki:3.2.0", "command",
				List.of("-config.file=/etc/loki/local-config.yaml"), "ports", List.of("3100:3100")));
		services.put("otel-collector", Maps.of("image", "otel/opentelemetry-collector-contrib:0.111.0", "command",
				List.of("--config=/etc/otelcol/config.yaml"), "volumes",
				List.of("./otel-collector/config.yaml:/etc/otelcol/config.yaml:ro"), "ports",
				List.of("4317:4317", "4318:4318"), "depends_on", List.of("tempo", "loki")));
		return Maps.of("version", "3.8", "services", services);
	}

}
