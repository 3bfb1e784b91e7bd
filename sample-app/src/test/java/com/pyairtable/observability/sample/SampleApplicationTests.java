package com.pyairtable.observability.sample;

import java.net.http.HttpResponse;
import java.time.Duration;

import com.pyairtable.observability.testsupport.LoopbackHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The sample service as an operator meets it: scraped by Prometheus, probed by
 * Kubernetes, with its own traffic flowing and no collector running.
 */
@SpringBootTest(webEnvironment = WebEnvironment.DEFINED_PORT, properties = "sample.traffic.interval=40ms")
@ExtendWith(OutputCaptureExtension.class)
class SampleApplicationTests {

	@Autowired
	private Environment environment;

	@DynamicPropertySource
	static void serverPort(DynamicPropertyRegistry registry) {
		registry.add("server.port", FreePort::find);
	}

	@BeforeEach
	void trafficHasFlowed() {
		await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> get("/actuator/prometheus").body(),
					(scrape) -> scrape.contains("uri=\"/api/chat\"") && scrape.contains("uri=\"/api/records/sync\"")
							&& scrape.contains("uri=\"/api/records/{airtableId}\""));
	}

	@Test
	void scrapeCarriesTheFourIdentityTagsOnEveryMeter() {
		String scrape = get("/actuator/prometheus").body();
		long samples = scrape.lines().filter((line) -> !line.startsWith("#") && !line.isBlank()).count();
		long identified = scrape.lines()
			.filter((line) -> !line.startsWith("#") && !line.isBlank())
			.filter((line) -> line.contains("service=\"airtable-gateway\"") && line.contains("tier=\"application\"")
					&& line.contains("environment=\"development\"") && line.contains("version=\""))
			.count();
		assertThat(samples).isGreaterThan(100);
		assertThat(identified).isEqualTo(samples);
		// The version comes from the build-info the sample's build writes.
		assertThat(scrape).containsPattern(
				"http_server_requests_seconds_count\\{[^}]*uri=\"/api/records\"[^}]*version=\"0.1.0-SNAPSHOT\"");
	}

	@Test
	void liveTrafficShowsInHttpDatabaseAndClientMetrics() {
		String scrape = get("/actuator/prometheus").body();
		assertThat(scrape)
			.containsPattern("http_server_requests_seconds_bucket\\{[^}]*uri=\"/api/records\"[^}]*le=\"0.25\"")
			.containsPattern(
					"http_server_requests_seconds_count\\{[^}]*status=\"500\"[^}]*uri=\"/api/diagnostics/fail\"")
			.contains("hikaricp_connections_max{")
			.containsPattern("http_client_requests_seconds_count\\{[^}]*uri=\"/fake-airtable/v0/\\{base}/\\{table}\"")
			.containsPattern("http_server_response_size_bytes_count\\{[^}]*uri=\"/api/records\"")
			.doesNotContainPattern("http_server_requests_seconds_count\\{[^}]*uri=\"/actuator");
	}

	@Test
	void queueMetricsHaveDataInTheDefaultProfile() {
		await().atMost(Duration.ofSeconds(20))
			.pollInterval(Duration.ofMillis(200))
			.untilAsserted(() -> assertThat(get("/actuator/prometheus").body()).containsPattern(
					"queue_operations_total\\{[^}]*operation=\"publish\",queue=\"record-events\"[^}]*status=\"success\"")
				.containsPattern(
						"queue_operations_total\\{[^}]*operation=\"consume\",queue=\"record-events\"[^}]*status=\"error\"")
				.containsPattern(
						"queue_operations_total\\{[^}]*operation=\"execute\",queue=\"applicationTaskExecutor\"[^}]*status=\"success\"")
				.containsPattern(
						"queue_operations_total\\{[^}]*operation=\"execute\",queue=\"applicationTaskExecutor\"[^}]*status=\"error\"")
				.containsPattern("queue_depth\\{[^}]*queue=\"record-events\"")
				.containsPattern("queue_depth\\{[^}]*queue=\"applicationTaskExecutor\""));
	}

	@Test
	void everyContractMetricIsScrapedWithExactlyItsLabels() {
		// The circuit breaker needs the fake LLM's outage to open: the slowest metric to
		// appear.
		String scrape = await().atMost(Duration.ofSeconds(90))
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> get("/actuator/prometheus").body(), (body) -> ContractMetrics.missing(body).isEmpty());
		assertThat(ContractMetrics.labelMismatches(scrape)).isEmpty();
	}

	@Test
	void metricsPathIsThePrometheusScrape() {
		HttpResponse<String> metrics = get("/metrics");
		assertThat(metrics.statusCode()).isEqualTo(200);
		assertThat(metrics.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
		assertThat(metrics.body()).contains("# TYPE http_server_requests_seconds histogram")
			.contains("service=\"airtable-gateway\"");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/health", "/health/live", "/live", "/health/ready", "/ready", "/health/detailed",
			"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness" })
	void probesAnswer(String path) {
		HttpResponse<String> response = get(path);
		assertThat(response.statusCode()).isEqualTo(200);
		// Bursts of 429s from the fake Airtable API make the service DEGRADED now and
		// then:
		// still answered 200, and readiness and liveness stay UP.
		if (path.contains("live") || path.contains("ready")) {
			assertThat(response.body()).contains("\"status\":\"UP\"");
		}
		else {
			assertThat(response.body()).containsPattern("\"status\":\"(UP|DEGRADED)\"");
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "/actuator/env", "/actuator/heapdump", "/actuator/configprops", "/actuator/beans",
			"/actuator/threaddump", "/actuator/loggers", "/actuator/shutdown" })
	void sensitiveEndpointsAreNotExposed(String path) {
		assertThat(get(path).statusCode()).isEqualTo(404);
	}

	@Test
	void startsCleanlyWithNoCollectorRunning(CapturedOutput output) {
		assertThat(output.getAll()).doesNotContain("\tat ").doesNotContain("ERROR");
	}

	private HttpResponse<String> get(String path) {
		int port = this.environment.getRequiredProperty("local.server.port", Integer.class);
		return LoopbackHttp.send(LoopbackHttp.request(port, path, Duration.ofSeconds(10)).build());
	}

}
