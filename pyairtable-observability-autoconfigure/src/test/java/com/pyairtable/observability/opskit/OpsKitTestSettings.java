package com.pyairtable.observability.opskit;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Kit settings for tests: the contract's defaults, one availability and one latency SLO.
 */
final class OpsKitTestSettings {

	private OpsKitTestSettings() {
	}

	static Map<String, AlertSettings> defaults() {
		Map<String, AlertSettings> alerts = new LinkedHashMap<>();
		for (AlertDefinition alert : AlertCatalog.alerts()) {
			AlertSettings defaults = alert.defaults();
			alerts.put(alert.name(), new AlertSettings(true, defaults.threshold(), defaults.forDuration(),
					defaults.severity(), "https://runbooks.test/" + alert.name()));
		}
		return alerts;
	}

	static OpsKitSettings settings(Map<String, AlertSettings> alerts) {
		return new OpsKitSettings("airtable-gateway", List.of("localhost:8002"), "/actuator/prometheus",
				Duration.ofSeconds(15), Duration.ofSeconds(15), alerts, true,
				List.of(new SloDefinition("records-availability", 99.9, Duration.ofDays(30),
						SloDefinition.Indicator.AVAILABILITY, "/api/records.*", null),
						new SloDefinition("records-latency", 99, Duration.ofDays(7), SloDefinition.Indicator.LATENCY,
								"/api/records.*", Duration.ofMillis(500))),
				"https://runbooks.test/");
	}

	static OpsKitSettings settings() {
		return settings(defaults());
	}

}
