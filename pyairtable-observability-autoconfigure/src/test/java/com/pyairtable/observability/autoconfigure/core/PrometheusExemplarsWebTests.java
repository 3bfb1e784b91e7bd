package com.pyairtable.observability.autoconfigure.core;

import java.util.List;

import com.pyairtable.observability.testsupport.TestWebApp;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With tracing on, the OpenMetrics scrape stays acceptable to Prometheus 2.x: exemplars
 * on histogram buckets (the ones dashboards open traces from) and counters, none on the
 * {@code _count} of histograms or summaries.
 */
class PrometheusExemplarsWebTests {

	@Test
	void summariesCarryNoExemplarsWhileHistogramBucketsDo() {
		try (TestWebApp app = TestWebApp.start(TestWebApp.WITHOUT_SECURITY,
				"management.tracing.sampling.probability=1.0")) {
			for (int i = 0; i < 5; i++) {
				app.get("/hello");
			}
			String scrape = app.getOpenMetrics("/actuator/prometheus").body();
			assertThat(scrape).contains("# TYPE http_server_response_size_bytes summary");
			assertThat(exemplarLines(scrape, "http_server_requests_seconds_bucket")).isNotEmpty()
				.allSatisfy((line) -> assertThat(line).contains("trace_id=\""));
			assertThat(exemplarLines(scrape, "http_server_response_size_bytes_count")).isEmpty();
			assertThat(exemplarLines(scrape, "http_server_requests_seconds_count")).isEmpty();
			assertThat(exemplarLines(scrape, "http_server_request_size_bytes_count")).isEmpty();
		}
	}

	@Test
	void exemplarsOnEveryTypeComeBackWhenTheUserAsksForThem() {
		try (TestWebApp app = TestWebApp.start(TestWebApp.WITHOUT_SECURITY,
				"management.tracing.sampling.probability=1.0",
				"management.prometheus.metrics.export.properties.io.prometheus.exporter.exemplarsOnAllMetricTypes=true")) {
			for (int i = 0; i < 5; i++) {
				app.get("/hello");
			}
			String scrape = app.getOpenMetrics("/actuator/prometheus").body();
			assertThat(exemplarLines(scrape, "http_server_requests_seconds_count")).isNotEmpty();
		}
	}

	private static List<String> exemplarLines(String scrape, String sampleName) {
		return scrape.lines().filter((line) -> line.startsWith(sampleName + "{") && line.contains(" # {")).toList();
	}

}
