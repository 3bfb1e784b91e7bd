package com.pyairtable.observability.sample.reliability;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.pyairtable.observability.opskit.OpsKit;
import com.pyairtable.observability.opskit.OpsKitGenerator;
import com.pyairtable.observability.opskit.OpsKitSettings;
import com.pyairtable.observability.testsupport.Figures;
import com.pyairtable.observability.testsupport.OtlpCollector;
import com.pyairtable.observability.testsupport.OtlpCollector.Mode;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Scenario 12: fake tokens everywhere a secret travels; none comes out in logs, exported
 * spans, health details, metric labels or the operations kit.
 */
@Tag("reliability")
@ExtendWith(OutputCaptureExtension.class)
class SecretsReliabilityTests {

	static final String AIRTABLE_TOKEN = "patRel1ab1l1tyT0k." + "0123456789abcdef".repeat(4);

	static final String GEMINI_KEY = "AIzaReliabilityFakeKey0123456789abcdefg";

	static final String OPENAI_KEY = "sk-reliabilityFakeKey0123456789";

	static final String JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJyZWxpYWJpbGl0eSJ9.c2lnbmF0dXJl";

	static final List<String> SECRETS = List.of(AIRTABLE_TOKEN, GEMINI_KEY, OPENAI_KEY, JWT);

	@Test
	void fakeTokensNeverLeave(CapturedOutput output) {
		int closedPort = SampleInstance.freePort();
		try (OtlpCollector collector = new OtlpCollector()) {
			collector.mode(Mode.ANSWER);
			Map<String, Object> properties = CollectorFaultsReliabilityTests.exportingTo(collector);
			properties.put("pyairtable.observability.tracing.export.headers.authorization", "Bearer ${AIRTABLE_TOKEN}");
			properties.put("management.endpoint.health.show-details", "always");
			properties.put("pyairtable.observability.health.checks.secured.type", "http");
			properties.put("pyairtable.observability.health.checks.secured.url",
					"http://reliability:${AIRTABLE_TOKEN}@127.0.0.1:" + closedPort
							+ "/v0/meta?api_key=${GEMINI_API_KEY}");
			properties.put("pyairtable.observability.health.checks.secured.headers.Authorization",
					"Bearer ${AIRTABLE_TOKEN}");
			properties.put("pyairtable.observability.health.checks.secured.headers.x-goog-api-key",
					"${GEMINI_API_KEY}");
			properties.put("pyairtable.observability.health.checks.secured.critical", false);
			properties.put("pyairtable.observability.health.checks.secured.interval", "1s");
			properties.put("pyairtable.observability.alerts.ServiceDown.runbook-url",
					"https://runbooks.example.com/service-down?token=${AIRTABLE_TOKEN}");
			Map<String, Object> environment = Map.of("AIRTABLE_TOKEN", AIRTABLE_TOKEN, "GEMINI_API_KEY", GEMINI_KEY,
					"OPENAI_API_KEY", OPENAI_KEY);
			try (SampleInstance app = SampleInstance.start(properties, environment)) {
				// Tokens in request headers and in URLs.
				for (int i = 0; i < 20; i++) {
					SampleInstance
						.send(HttpRequest.newBuilder(app.uri("/api/records?api_key=" + GEMINI_KEY + "&token=" + JWT))
							.header("Authorization", "Bearer " + AIRTABLE_TOKEN)
							.header("X-Api-Key", OPENAI_KEY)
							.timeout(Duration.ofSeconds(30))
							.build());
					SampleInstance.send(HttpRequest.newBuilder(app.uri("/api/diagnostics/fail?token=" + AIRTABLE_TOKEN))
						.header("Authorization", "Bearer " + JWT)
						.timeout(Duration.ofSeconds(30))
						.build());
				}
				// Tokens in span attributes, exception messages and log lines, as
				// application code might put them.
				var tracer = app.bean(OpenTelemetry.class).getTracer("reliability-secrets");
				Span span = tracer.spanBuilder("call airtable with " + AIRTABLE_TOKEN).setNoParent().startSpan();
				span.setAttribute("http.request.header.authorization", "Bearer " + AIRTABLE_TOKEN);
				span.setAttribute("url.full", "https://generativelanguage.googleapis.com/v1/models?key=" + GEMINI_KEY);
				span.recordException(new IllegalStateException("OpenAI refused key " + OPENAI_KEY));
				span.setStatus(StatusCode.ERROR, "token " + JWT + " expired");
				span.end();
				var log = LoggerFactory.getLogger("com.example.gateway.AirtableClient");
				log.warn("Airtable call failed, Authorization: Bearer {}", AIRTABLE_TOKEN);
				log.error("LLM call failed", new IllegalStateException("key " + GEMINI_KEY + " rejected, jwt " + JWT));
				await().atMost(Duration.ofSeconds(30))
					.until(() -> collector.spans()
						.stream()
						.anyMatch((received) -> received.name().startsWith("call airtable")));
				// The failing check has run and failed at least once.
				await().atMost(Duration.ofSeconds(30))
					.until(() -> app.get("/actuator/health").body().contains("\"secured\""));
				String health = app.get("/actuator/health").body() + app.get("/health/detailed").body();
				String scrape = app.scrape();
				String spans = collector.spans().toString();
				OpsKit kit = app.bean(OpsKitGenerator.class).generate(app.bean(OpsKitSettings.class));
				String opsKit = String.join("\n", kit.files().values());
				String logs = output.getAll();

				String s = "s12-secrets";
				Map<String, String> places = new HashMap<>();
				places.put("logs", logs);
				places.put("exported_spans", spans);
				places.put("health_details", health);
				places.put("metric_labels", scrape);
				places.put("ops_kit", opsKit);
				Figures.record(s, "fake_secrets", SECRETS.size() + " (Airtable PAT, Gemini key, OpenAI key, JWT)");
				Figures.record(s, "exported_spans_checked", collector.spans().size());
				Figures.record(s, "log_chars_checked", logs.length());
				places.forEach((place, text) -> Figures.record(s, "leaks_in_" + place,
						SECRETS.stream().filter(text::contains).count()));
				places.forEach((place, text) -> assertThat(SECRETS).as(place)
					.allSatisfy((secret) -> assertThat(text).as("%s holds a secret", place).doesNotContain(secret)));
				assertThat(logs).contains("[REDACTED:");
			}
		}
	}

}
