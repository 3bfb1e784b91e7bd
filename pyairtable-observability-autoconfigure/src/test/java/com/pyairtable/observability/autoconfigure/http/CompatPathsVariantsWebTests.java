package com.pyairtable.observability.autoconfigure.http;

import com.pyairtable.observability.testsupport.TestWebApp;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The platform's paths under other configurations: switched off, on a separate management
 * port, behind Spring Security, and with user overrides.
 */
class CompatPathsVariantsWebTests {

	@Test
	void compatPathsCanBeSwitchedOff() {
		try (TestWebApp app = TestWebApp.start(TestWebApp.WITHOUT_SECURITY,
				"pyairtable.observability.endpoints.compat-paths.enabled=false")) {
			assertThat(app.get("/health/live").statusCode()).isEqualTo(404);
			assertThat(app.get("/metrics").statusCode()).isEqualTo(404);
			assertThat(app.get("/actuator/health/liveness").statusCode()).isEqualTo(200);
		}
	}

	@Test
	void compatPathsFollowTheActuatorToTheManagementPort() {
		try (TestWebApp app = TestWebApp.start(TestWebApp.WITHOUT_SECURITY, "management.server.port=0",
				"management.server.address=127.0.0.1")) {
			int management = app.managementPort();
			assertThat(management).isNotEqualTo(app.port());
			assertThat(TestWebApp.get(management, "/health/live").statusCode()).isEqualTo(200);
			assertThat(TestWebApp.get(management, "/ready").statusCode()).isEqualTo(200);
			assertThat(TestWebApp.get(management, "/metrics").body()).contains("jvm_memory_used_bytes");
			for (String path : new String[] { "/health", "/health/live", "/ready", "/metrics", "/actuator/health",
					"/actuator/prometheus" }) {
				assertThat(app.get(path).statusCode()).as(path).isEqualTo(404);
			}
			assertThat(app.get("/hello").statusCode()).isEqualTo(200);
		}
	}

	@Test
	void compatPathsFollowTheSecurityRulesOfTheEndpointsTheyMirror() {
		try (TestWebApp app = TestWebApp.start()) {
			assertThat(app.get("/actuator/health/liveness").statusCode()).isEqualTo(200);
			assertThat(app.get("/health/live").statusCode()).isEqualTo(200);
			assertThat(app.get("/ready").statusCode()).isEqualTo(200);
			assertThat(app.get("/health").statusCode()).isEqualTo(200);
			assertThat(app.get("/actuator/prometheus").statusCode()).isEqualTo(401);
			assertThat(app.get("/metrics").statusCode()).isEqualTo(401);
			assertThat(app.get("/hello").statusCode()).isEqualTo(401);
		}
	}

	@Test
	void userManagementKeysWinOverTheStarterDefaults() {
		try (TestWebApp app = TestWebApp.start(TestWebApp.WITHOUT_SECURITY,
				"management.endpoints.web.exposure.include=health,env")) {
			assertThat(app.get("/actuator/env").statusCode()).isEqualTo(200);
			assertThat(app.get("/actuator/prometheus").statusCode()).isEqualTo(404);
			assertThat(app.get("/metrics").statusCode()).isEqualTo(404);
		}
	}

	@Test
	void latencyBucketsComeFromTheStarterProperty() {
		try (TestWebApp app = TestWebApp.start(TestWebApp.WITHOUT_SECURITY,
				"pyairtable.observability.http.latency-buckets=50ms,300ms")) {
			app.get("/hello");
			String scrape = app.get("/metrics").body();
			assertThat(scrape)
				.containsPattern("http_server_requests_seconds_bucket\\{[^}]*uri=\"/hello\"[^}]*le=\"0.05\"")
				.containsPattern("http_server_requests_seconds_bucket\\{[^}]*uri=\"/hello\"[^}]*le=\"0.3\"")
				.doesNotContainPattern("http_server_requests_seconds_bucket\\{[^}]*uri=\"/hello\"[^}]*le=\"0.25\"");
		}
	}

	@Test
	void userSloPropertyWinsOverTheStarterBuckets() {
		try (TestWebApp app = TestWebApp.start(TestWebApp.WITHOUT_SECURITY,
				"management.metrics.distribution.slo.http.server.requests=42ms")) {
			app.get("/hello");
			String scrape = app.get("/metrics").body();
			assertThat(scrape)
				.containsPattern("http_server_requests_seconds_bucket\\{[^}]*uri=\"/hello\"[^}]*le=\"0.042\"")
				.doesNotContainPattern("http_server_requests_seconds_bucket\\{[^}]*uri=\"/hello\"[^}]*le=\"0.1\"");
		}
	}

	@Test
	void managementRequestsAreObservedWhenAskedFor() {
		try (TestWebApp app = TestWebApp.start(TestWebApp.WITHOUT_SECURITY,
				"pyairtable.observability.http.observe-management-requests=true")) {
			app.get("/actuator/health");
			assertThat(app.get("/actuator/prometheus").body())
				.containsPattern("http_server_requests_seconds_count\\{[^}]*uri=\"/actuator/health\"");
		}
	}

	@Test
	void disabledStarterLeavesBootDefaults() {
		try (TestWebApp app = TestWebApp.start(TestWebApp.WITHOUT_SECURITY, "pyairtable.observability.enabled=false")) {
			assertThat(app.get("/health/live").statusCode()).isEqualTo(404);
			assertThat(app.get("/actuator/prometheus").statusCode()).isEqualTo(404);
			assertThat(app.get("/actuator/health").statusCode()).isEqualTo(200);
			assertThat(app.get("/hello").statusCode()).isEqualTo(200);
		}
	}

}
