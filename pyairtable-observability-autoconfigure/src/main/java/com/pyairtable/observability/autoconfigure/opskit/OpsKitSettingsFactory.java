package com.pyairtable.observability.autoconfigure.opskit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.pyairtable.observability.autoconfigure.core.ObservabilityFeatures;
import com.pyairtable.observability.autoconfigure.core.ObservabilityProperties;
import com.pyairtable.observability.logging.SecretRedactor;
import com.pyairtable.observability.opskit.AlertCatalog;
import com.pyairtable.observability.opskit.AlertDefinition;
import com.pyairtable.observability.opskit.AlertSettings;
import com.pyairtable.observability.opskit.OpsKitSettings;
import com.pyairtable.observability.opskit.SloDefinition;

import org.springframework.core.env.Environment;

/**
 * Resolves the kit's settings from the properties and the environment, validating what
 * only makes sense together (alert names, SLO latency thresholds against the histogram
 * buckets) with messages naming the full key.
 */
final class OpsKitSettingsFactory {

	private static final String ALERTS = ObservabilityProperties.PREFIX + ".alerts.";

	private static final String SLO = ObservabilityProperties.PREFIX + ".slo.";

	private OpsKitSettingsFactory() {
	}

	static OpsKitSettings create(String service, OpsKitProperties kit, OpsKitRulesProperties rules,
			ObservabilityProperties observability, Environment environment, SecretRedactor redactor) {
		// Runbook addresses end up in alert annotations, files and Alertmanager
		// notifications:
		// a token in one (a wiki link with ?token=...) must not travel with them.
		Map<String, AlertSettings> alerts = new LinkedHashMap<>();
		alerts(kit, rules, environment)
			.forEach((name, settings) -> alerts.put(name, new AlertSettings(settings.enabled(), settings.threshold(),
					settings.forDuration(), settings.severity(), redact(redactor, settings.runbookUrl()))));
		return new OpsKitSettings(service, scrapeTargets(kit, environment), metricsPath(environment),
				kit.getScrapeInterval(), kit.getEvaluationInterval(), alerts, kit.isLegacyRules(),
				slos(rules, observability.getHttp().getLatencyBuckets()), redact(redactor, kit.getRunbookBaseUrl()),
				kit.getStack().getBindAddress());
	}

	private static String redact(SecretRedactor redactor, String text) {
		String redacted = redactor.redact(text);
		// Fails closed: a value the redactor could not handle is dropped, never kept as
		// is.
		return (redacted != null) ? redacted : SecretRedactor.DROPPED;
	}

	private static List<String> scrapeTargets(OpsKitProperties kit, Environment environment) {
		if (!kit.getScrapeTargets().isEmpty()) {
			return kit.getScrapeTargets();
		}
		String port = environment.getProperty("management.server.port", environment.getProperty("server.port", "8080"));
		return List.of("host.docker.internal:" + port);
	}

	private static String metricsPath(Environment environment) {
		String base = environment.getProperty("management.endpoints.web.base-path", "/actuator");
		String mapped = environment.getProperty("management.endpoints.web.path-mapping.prometheus", "prometheus");
		return (base.endsWith("/") ? base : base + "/") + mapped;
	}

	private static Map<String, AlertSettings> alerts(OpsKitProperties kit, OpsKitRulesProperties rules,
			Environment environment) {
		Map<String, OpsKitRulesProperties.Alert> overrides = new LinkedHashMap<>();
		Map<String, String> known = new LinkedHashMap<>();
		AlertCatalog.alerts().forEach((alert) -> known.put(normalize(alert.name()), alert.name()));
		rules.getAlerts().forEach((name, alert) -> {
			String canonical = known.get(normalize(name));
			if (canonical == null) {
				throw new IllegalStateException(ALERTS + name + " is not an alert of the kit; known alerts: "
						+ String.join(", ", known.values()));
			}
			overrides.put(canonical, alert);
		});
		Map<String, AlertSettings> resolved = new LinkedHashMap<>();
		for (AlertDefinition alert : AlertCatalog.alerts()) {
			AlertSettings defaults = alert.defaults();
			OpsKitRulesProperties.Alert override = overrides.get(alert.name());
			boolean enabled = featureEnabled(alert, environment)
					&& (override == null || override.getEnabled() == null || override.getEnabled());
			double threshold = (override != null && override.getThreshold() != null) ? override.getThreshold()
					: defaults.threshold();
			Duration forDuration = (override != null && override.getFor() != null) ? override.getFor()
					: defaults.forDuration();
			String severity = (override != null && override.getSeverity() != null) ? override.getSeverity()
					: defaults.severity();
			String runbook = (override != null && override.getRunbookUrl() != null) ? override.getRunbookUrl()
					: kit.getRunbookBaseUrl() + alert.name();
			resolved.put(alert.name(), new AlertSettings(enabled, threshold, forDuration, severity, runbook));
		}
		return resolved;
	}

	private static boolean featureEnabled(AlertDefinition alert, Environment environment) {
		String feature = alert.feature();
		return feature == null || ObservabilityFeatures.isEnabled(environment, feature);
	}

	private static List<SloDefinition> slos(OpsKitRulesProperties rules, List<Duration> buckets) {
		List<SloDefinition> slos = new ArrayList<>();
		rules.getSlo().forEach((name, slo) -> {
			if (!name.matches("[A-Za-z0-9_.-]+")) {
				throw new IllegalStateException(
						SLO + name + " has an invalid name: use letters, digits, '-', '_', '.'");
			}
			Duration threshold = slo.getLatencyThreshold();
			if (slo.getIndicator() == SloDefinition.Indicator.LATENCY) {
				if (threshold == null) {
					throw new IllegalStateException(SLO + name + ".latency-threshold must be set for a latency SLO; "
							+ "use one of " + ObservabilityProperties.PREFIX + ".http.latency-buckets " + buckets);
				}
				if (!buckets.contains(threshold)) {
					throw new IllegalStateException(
							SLO + name + ".latency-threshold was " + threshold + " but must be one of "
									+ ObservabilityProperties.PREFIX + ".http.latency-buckets " + buckets);
				}
			}
			slos.add(new SloDefinition(name, slo.getObjective(), slo.getWindow(), slo.getIndicator(), slo.getRoutes(),
					threshold));
		});
		return slos;
	}

	private static String normalize(String name) {
		return name.replace("-", "").replace("_", "").toLowerCase(Locale.ROOT);
	}

}
