package com.example.minimal.reliability;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import com.pyairtable.observability.testsupport.Figures;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scenario 11, with Spring Security on the classpath and no filter chain of the service's
 * own (Spring Boot's default security): the scrape needs authentication, the probes do
 * not. Tagged {@code spring-security}: run by its own surefire execution, the only one
 * with Spring Security on the classpath.
 */
@Tag("reliability")
@Tag("spring-security")
class ExposureWithSecurityReliabilityTests {

	@Test
	void scrapeNeedsAuthenticationWhileProbesStayOpen() {
		try (MinimalInstance app = MinimalInstance.start()) {
			List<String> wrong = new ArrayList<>();
			for (String path : List.of("/actuator/prometheus", "/metrics")) {
				int status = app.get(path).statusCode();
				if (status != 401) {
					wrong.add(path + " " + status + " (expected 401)");
				}
			}
			for (String path : List.of("/actuator/health/liveness", "/actuator/health/readiness", "/health/live",
					"/live", "/health/ready", "/ready")) {
				HttpResponse<String> response = app.get(path);
				if (response.statusCode() != 200) {
					wrong.add(path + " " + response.statusCode() + " (expected 200)");
				}
			}
			List<String> sensitiveAnswered = new ArrayList<>();
			for (String path : ExposureAuditReliabilityTests.SENSITIVE) {
				int status = app.get(path).statusCode();
				if (status == 200) {
					sensitiveAnswered.add(path);
				}
			}
			String health = app.get("/actuator/health").body() + app.get("/health/detailed").body();
			Figures.record("s11-exposure-security", "unexpected_statuses", wrong);
			Figures.record("s11-exposure-security", "sensitive_endpoints_answering_200", sensitiveAnswered.size());
			Figures.record("s11-exposure-security", "anonymous_health_has_details",
					health.contains("components") || health.contains("details"));
			assertThat(wrong).isEmpty();
			assertThat(sensitiveAnswered).isEmpty();
			assertThat(health).doesNotContain("components").doesNotContain("details");
		}
	}

}
