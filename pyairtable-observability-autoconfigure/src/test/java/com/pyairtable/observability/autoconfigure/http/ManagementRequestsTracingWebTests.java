package com.pyairtable.observability.autoconfigure.http;

import java.time.Duration;
import java.util.List;

import com.pyairtable.observability.testsupport.TestWebApp;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Probes and scrapes never become spans; the application's requests do.
 */
class ManagementRequestsTracingWebTests {

	@Test
	void actuatorAndProbeRequestsAreNotTraced() {
		try (TestWebApp app = TestWebApp.start(TestWebApp.WITHOUT_SECURITY, "test.capture-spans=true",
				"management.tracing.sampling.probability=1.0",
				"management.opentelemetry.tracing.export.schedule-delay=50ms")) {
			InMemorySpanExporter exporter = app.context().getBean(InMemorySpanExporter.class);
			for (String path : new String[] { "/actuator/health", "/actuator/prometheus", "/health/live", "/ready",
					"/metrics" }) {
				assertThat(app.get(path).statusCode()).as(path).isEqualTo(200);
			}
			assertThat(app.get("/hello").statusCode()).isEqualTo(200);
			await().atMost(Duration.ofSeconds(10))
				.until(() -> exporter.getFinishedSpanItems()
					.stream()
					.anyMatch((span) -> "/hello".equals(span.getAttributes().get(AttributeKey.stringKey("uri")))));
			List<SpanData> spans = exporter.getFinishedSpanItems();
			assertThat(spans).extracting((span) -> span.getAttributes().get(AttributeKey.stringKey("uri")))
				.containsOnly("/hello");
		}
	}

}
