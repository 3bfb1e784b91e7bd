package com.pyairtable.observability.opskit;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Everything the kit is generated from, resolved from the service's configuration.
 *
 * @param service the service name, given to the scrape targets as the {@code service}
 * label
 * @param scrapeTargets the {@code host:port} targets Prometheus scrapes
 * @param metricsPath the path of the Prometheus scrape endpoint
 * @param scrapeInterval how often Prometheus scrapes
 * @param evaluationInterval how often Prometheus evaluates the rules
 * @param alerts the resolved settings of every alert of the catalog, by name; disabled
 * alerts (by property or by a disabled binder) have {@code enabled} false
 * @param legacyRules whether the recording rules with the platform's legacy names are
 * generated
 * @param slos the service level objectives
 * @param runbookBaseUrl the base of runbook addresses, ending with a slash, to which an
 * alert's name is appended unless the alert has its own
 * @param bindAddress the host address the stack's published ports (Grafana and the
 * Collector's OTLP receivers) are bound to; Prometheus stays on loopback
 */
public record OpsKitSettings(String service, List<String> scrapeTargets, String metricsPath, Duration scrapeInterval,
		Duration evaluationInterval, Map<String, AlertSettings> alerts, boolean legacyRules, List<SloDefinition> slos,
		String runbookBaseUrl, String bindAddress) {

	/**
	 * The default {@link #bindAddress()}: loopback, so that nothing is reachable from the
	 * network.
	 */
	public static final String LOOPBACK = "127.0.0.1";

	/**
	 * Creates the settings with the stack's ports on {@link #LOOPBACK}.
	 * @param service the service name
	 * @param scrapeTargets the {@code host:port} targets Prometheus scrapes
	 * @param metricsPath the path of the Prometheus scrape endpoint
	 * @param scrapeInterval how often Prometheus scrapes
	 * @param evaluationInterval how often Prometheus evaluates the rules
	 * @param alerts the resolved settings of every alert, by name
	 * @param legacyRules whether the legacy recording rules are generated
	 * @param slos the service level objectives
	 * @param runbookBaseUrl the base of runbook addresses
	 */
	public OpsKitSettings(String service, List<String> scrapeTargets, String metricsPath, Duration scrapeInterval,
			Duration evaluationInterval, Map<String, AlertSettings> alerts, boolean legacyRules,
			List<SloDefinition> slos, String runbookBaseUrl) {
		this(service, scrapeTargets, metricsPath, scrapeInterval, evaluationInterval, alerts, legacyRules, slos,
				runbookBaseUrl, LOOPBACK);
	}

	/**
	 * Returns the settings of an alert, falling back to its defaults.
	 * @param alert the alert
	 * @return its settings
	 */
	public AlertSettings settings(AlertDefinition alert) {
		return this.alerts.getOrDefault(alert.name(), alert.defaults());
	}

}
