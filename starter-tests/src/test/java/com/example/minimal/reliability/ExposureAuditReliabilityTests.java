package com.example.minimal.reliability;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import com.pyairtable.observability.testsupport.Figures;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scenario 11, without Spring Security: what a service with only the starter shows over
 * HTTP, on one port and with the management port set.
 */
@Tag("reliability")
class ExposureAuditReliabilityTests {

	static final List<String> SENSITIVE = List.of("/actuator/env", "/actuator/configprops", "/actuator/heapdump",
			"/actuator/threaddump", "/actuator/loggers", "/actuator/beans", "/actuator/mappings", "/actuator/shutdown");

	static final List<String> HEALTH = List.of("/actuator/health", "/health", "/health/detailed",
			"/actuator/health/readiness", "/health/ready");

	static final List<String> EVERYTHING_OF_THE_ACTUATOR = List.of("/actuator", "/actuator/health",
			"/actuator/health/liveness", "/actuator/health/readiness", "/actuator/info", "/actuator/prometheus",
			"/metrics", "/health", "/health/live", "/live", "/health/ready", "/ready", "/health/detailed",
			"/actuator/env", "/actuator/heapdump");

	@Test
	void onlyHealthInfoAndScrapeAreExposedAndHealthShowsNoDetails() {
		try (MinimalInstance app = MinimalInstance.start()) {
			List<String> exposed = new ArrayList<>();
			for (String path : SENSITIVE) {
				int get = app.get(path).statusCode();
				int post = MinimalInstance.request("POST", app.port, path).statusCode();
				if (get != 404 || post != 404) {
					exposed.add(path + " GET " + get + " POST " + post);
				}
			}
			List<String> detailed = new ArrayList<>();
			for (String path : HEALTH) {
				HttpResponse<String> response = app.get(path);
				if (response.body().contains("components") || response.body().contains("details")) {
					detailed.add(path + " " + response.body());
				}
			}
			Figures.record("s11-exposure", "sensitive_endpoints_not_404",
					exposed.size() + " of " + SENSITIVE.size() * 2 + " (GET and POST)");
			Figures.record("s11-exposure", "health_responses_with_details", detailed.size() + " of " + HEALTH.size());
			assertThat(exposed).isEmpty();
			assertThat(detailed).isEmpty();
			assertThat(app.get("/actuator/prometheus").statusCode()).isEqualTo(200);
		}
	}

	@Test
	void withAManagementPortNothingOfTheActuatorAnswersOnTheApplicationPort() {
		int managementPort = MinimalInstance.freePort();
		try (MinimalInstance app = MinimalInstance.start("management.server.port=" + managementPort,
				"management.server.address=127.0.0.1")) {
			List<String> answered = new ArrayList<>();
			for (String path : EVERYTHING_OF_THE_ACTUATOR) {
				int status = app.get(path).statusCode();
				if (status != 404) {
					answered.add(path + " " + status);
				}
			}
			List<String> missingOnManagement = new ArrayList<>();
			for (String path : List.of("/actuator/health/liveness", "/actuator/prometheus", "/metrics", "/health/live",
					"/ready")) {
				int status = MinimalInstance.request("GET", managementPort, path).statusCode();
				if (status != 200) {
					missingOnManagement.add(path + " " + status);
				}
			}
			Figures.record("s11-exposure", "actuator_paths_answering_on_application_port",
					answered.size() + " of " + EVERYTHING_OF_THE_ACTUATOR.size() + " " + answered);
			Figures.record("s11-exposure", "probe_and_scrape_paths_missing_on_management_port", missingOnManagement);
			assertThat(answered).isEmpty();
			assertThat(missingOnManagement).isEmpty();
			assertThat(app.get("/orders").statusCode()).isEqualTo(200);
		}
	}

}
