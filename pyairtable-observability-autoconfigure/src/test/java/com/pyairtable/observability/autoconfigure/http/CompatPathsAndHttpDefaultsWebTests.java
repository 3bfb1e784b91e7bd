package com.pyairtable.observability.autoconfigure.http;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.stream.Stream;

import com.pyairtable.observability.testsupport.TestWebApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One real application with the starter's defaults, probed over HTTP as Kubernetes and
 * Prometheus would.
 */
class CompatPathsAndHttpDefaultsWebTests {

	private static TestWebApp app;

	@BeforeAll
	static void start() {
		app = TestWebApp.start(TestWebApp.WITHOUT_SECURITY, "pyairtable.observability.service.tier=gateway");
		for (int i = 0; i < 3; i++) {
			assertThat(app.get("/hello").statusCode()).isEqualTo(200);
		}
		assertThat(app.get("/hello/alice").statusCode()).isEqualTo(200);
	}

	@AfterAll
	static void stop() {
		app.close();
	}

	static Stream<Arguments> mirroredPaths() {
		return Map
			.of("/health", "/actuator/health", "/health/live", "/actuator/health/liveness", "/live",
					"/actuator/health/liveness", "/health/ready", "/actuator/health/readiness", "/ready",
					"/actuator/health/readiness", "/health/detailed", "/actuator/health")
			.entrySet()
			.stream()
			.map((entry) -> Arguments.of(entry.getKey(), entry.getValue()));
	}

	@ParameterizedTest
	@MethodSource("mirroredPaths")
	void platformProbePathAnswersLikeTheActuatorEndpoint(String platformPath, String actuatorPath) {
		HttpResponse<String> platform = app.get(platformPath);
		HttpResponse<String> actuator = app.get(actuatorPath);
		assertThat(platform.statusCode()).isEqualTo(200).isEqualTo(actuator.statusCode());
		assertThat(platform.body()).isEqualTo(actuator.body()).contains("\"status\":\"UP\"");
		assertThat(platform.headers().firstValue("Content-Type"))
			.isEqualTo(actuator.headers().firstValue("Content-Type"));
	}

	@Test
	void metricsPathServesThePrometheusScrape() {
		HttpResponse<String> metrics = app.get("/metrics");
		HttpResponse<String> prometheus = app.get("/actuator/prometheus");
		assertThat(metrics.statusCode()).isEqualTo(200);
		assertThat(metrics.headers().firstValue("Content-Type"))
			.isEqualTo(prometheus.headers().firstValue("Content-Type"));
		assertThat(metrics.body()).contains("# TYPE http_server_requests_seconds histogram")
			.contains("jvm_memory_used_bytes");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/actuator/env", "/actuator/heapdump", "/actuator/configprops", "/actuator/beans",
			"/actuator/threaddump", "/actuator/loggers", "/actuator/mappings", "/actuator/metrics" })
	void nothingBeyondHealthInfoAndPrometheusIsExposed(String path) {
		assertThat(app.get(path).statusCode()).isEqualTo(404);
	}

	@Test
	void infoIsExposed() {
		assertThat(app.get("/actuator/info").statusCode()).isEqualTo(200);
	}

	@Test
	void healthShowsNoDetailsByDefault() {
		assertThat(app.get("/actuator/health").body())
			.isEqualTo("{\"groups\":[\"liveness\",\"readiness\"],\"status\":\"UP\"}");
	}

	@Test
	void applicationRequestsAreCountedWithIdentityTagsAndSloBuckets() {
		String scrape = app.get("/actuator/prometheus").body();
		assertThat(scrape).containsPattern(
				"http_server_requests_seconds_count\\{[^}]*environment=\"development\"[^}]*service=\"test-service\"[^}]*tier=\"gateway\"[^}]*uri=\"/hello\"[^}]*version=\"unknown\"[^}]*} 3");
		for (String le : new String[] { "0.1", "0.25", "0.5", "1.0", "2.0", "3.0", "5.0", "\\+Inf" }) {
			assertThat(scrape)
				.containsPattern("http_server_requests_seconds_bucket\\{[^}]*uri=\"/hello\"[^}]*le=\"" + le + "\"");
		}
		assertThat(scrape).contains("uri=\"/hello/{name}\"");
	}

	@Test
	void managementRequestsAreNotCounted() {
		app.get("/actuator/health");
		app.get("/health/live");
		app.get("/metrics");
		String scrape = app.get("/actuator/prometheus").body();
		assertThat(scrape).doesNotContainPattern("http_server_requests_seconds_count\\{[^}]*uri=\"/actuator")
			.doesNotContainPattern("http_server_requests_seconds_count\\{[^}]*uri=\"/(health|metrics|live|ready)")
			.doesNotContainPattern("http_server_response_size_bytes_count\\{[^}]*uri=\"/actuator");
	}

	@Test
	void requestAndResponseSizesAreRecorded() {
		String scrape = app.get("/actuator/prometheus").body();
		assertThat(scrape).containsPattern(
				"http_server_response_size_bytes_count\\{[^}]*method=\"GET\"[^}]*outcome=\"SUCCESS\"[^}]*status=\"200\"[^}]*uri=\"/hello\"[^}]*} 3");
		// "hello, world" is 12 bytes, three times.
		assertThat(scrape).containsPattern("http_server_response_size_bytes_sum\\{[^}]*uri=\"/hello\"[^}]*} 36.0");
		assertThat(scrape).contains("# TYPE http_server_request_size_bytes summary");
	}

	@Test
	void inFlightRequestsAreTracked() {
		assertThat(app.get("/actuator/prometheus").body())
			.contains("# TYPE http_server_requests_active_seconds summary")
			.containsPattern("http_server_requests_active_seconds_count\\{[^}]*method=\"GET\"");
	}

}
