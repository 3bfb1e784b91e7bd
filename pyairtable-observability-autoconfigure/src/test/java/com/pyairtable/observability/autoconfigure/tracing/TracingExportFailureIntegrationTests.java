package com.pyairtable.observability.autoconfigure.tracing;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.pyairtable.observability.testsupport.TestWebApp;
import com.pyairtable.observability.tracing.TracingMetricNames;
import com.pyairtable.observability.tracing.TracingMetrics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With the collector refusing connections, requests still succeed, the lost spans are
 * counted and a single warning line is logged.
 */
@ExtendWith(OutputCaptureExtension.class)
class TracingExportFailureIntegrationTests {

	@Test
	void refusedCollectorFailsNoRequestAndCountsDroppedSpans(CapturedOutput output) throws Exception {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(TracingTestApplication.class)
			.properties("server.port=0", "server.address=127.0.0.1", TestWebApp.WITHOUT_SECURITY,
					"pyairtable.observability.service.environment=development",
					"pyairtable.observability.tracing.export.endpoint=http://127.0.0.1:" + closedPort,
					"pyairtable.observability.tracing.export.timeout=2s",
					"management.opentelemetry.tracing.export.schedule-delay=50ms")
			.run()) {
			int port = ((WebServerApplicationContext) context).getWebServer().getPort();
			HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
			for (int i = 0; i < 20; i++) {
				HttpResponse<String> response = http
					.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/ok"))
						.timeout(Duration.ofSeconds(10))
						.build(), HttpResponse.BodyHandlers.ofString());
				assertThat(response.statusCode()).isEqualTo(200);
			}
			TracingMetrics metrics = context.getBean(TracingMetrics.class);
			// The drop is counted just before the warning is written, on the exporter's
			// thread.
			await().atMost(Duration.ofSeconds(30))
				.until(() -> metrics.droppedCount(TracingMetricNames.EXPORT_FAILED) > 0
						&& output.getOut().contains("Span export failed"));
			assertThat(output.getOut().lines().filter((line) -> line.contains("Span export failed")).count())
				.isEqualTo(1);
			assertThat(output.getAll()).doesNotContain("Failed to export spans");
		}
	}

}
