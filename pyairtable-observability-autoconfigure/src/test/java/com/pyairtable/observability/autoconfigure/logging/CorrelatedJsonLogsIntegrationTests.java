package com.pyairtable.observability.autoconfigure.logging;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.pyairtable.observability.logging.BusinessContext;
import com.pyairtable.observability.logging.Secrets;
import com.pyairtable.observability.testsupport.OtlpCollector;
import com.pyairtable.observability.testsupport.ReceivedSpan;
import io.micrometer.observation.annotation.Observed;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.MDC;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.json.JsonParserFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A traced request in {@code production}: its JSON log lines carry the exported span's
 * trace id and the echoed request id, and no secret reaches the logs or the OTLP
 * receiver.
 */
@ExtendWith(OutputCaptureExtension.class)
class CorrelatedJsonLogsIntegrationTests {

	private static final String EXCLUDE_SECURITY = "spring.autoconfigure.exclude="
			+ "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration,"
			+ "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration,"
			+ "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration,"
			+ "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration,"
			+ "org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration";

	@Test
	void jsonLinesCarryTheExportedTraceAndTheEchoedRequestIdWithoutSecrets(CapturedOutput output) throws Exception {
		try (OtlpCollector receiver = new OtlpCollector();
				ConfigurableApplicationContext context = new SpringApplicationBuilder(LoggingTestApplication.class)
					.properties("server.port=0", "server.address=127.0.0.1", EXCLUDE_SECURITY,
							"pyairtable.observability.service.name=logging-it",
							"pyairtable.observability.service.version=1.2.3",
							"pyairtable.observability.service.environment=production",
							"pyairtable.observability.tracing.sampling.ratio=1.0",
							"pyairtable.observability.tracing.export.endpoint=" + receiver.endpoint(),
							"management.opentelemetry.tracing.export.schedule-delay=50ms")
					.run()) {
			int port = ((WebServerApplicationContext) context).getWebServer().getPort();
			HttpResponse<String> response = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/traced"))
					.header("X-Request-ID", "req-abc-123")
					.timeout(Duration.ofSeconds(10))
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.headers().firstValue("X-Request-ID")).hasValue("req-abc-123");

			Map<String, Object> line = jsonLines(output).stream()
				.filter((json) -> String.valueOf(json.get("message")).startsWith("calling with"))
				.findFirst()
				.orElseThrow();
			assertThat(line).containsEntry("service", "logging-it")
				.containsEntry("version", "1.2.3")
				.containsEntry("environment", "production")
				.containsEntry("level", "INFO")
				.containsEntry("request_id", "req-abc-123")
				.containsEntry("tenant_id", "tenant-7")
				.containsEntry("user_id", BusinessContext.hashUserId("user@example.com"))
				.containsKeys("timestamp", "logger", "trace_id", "span_id");
			String traceId = (String) line.get("trace_id");

			Map<String, Object> errorLine = jsonLines(output).stream()
				.filter((json) -> "ERROR".equals(json.get("level")) && json.containsKey("exception"))
				.findFirst()
				.orElseThrow();
			assertThat(errorLine).containsEntry("trace_id", traceId);
			assertThat(String.valueOf(errorLine.get("exception"))).contains("IllegalStateException", "stack_trace");

			await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
				List<ReceivedSpan> trace = receiver.spans()
					.stream()
					.filter((s) -> s.traceId().equals(traceId))
					.toList();
				assertThat(trace).anySatisfy((span) -> {
					assertThat(span.uri()).isEqualTo("/traced");
					assertThat(span.attributes()).containsEntry("request.id", "req-abc-123")
						.containsEntry("tenant.id", "tenant-7")
						.containsEntry("business.feature", "bases.read")
						.containsKey("leak");
				});
				assertThat(trace).extracting(ReceivedSpan::name).contains("ObservedWork#work");
			});
			for (String secret : Secrets.ALL) {
				assertThat(output.getAll()).doesNotContain(secret);
				assertThat(receiver.spans().toString()).doesNotContain(secret);
			}
			assertThat(output.getAll()).contains("appA1b2C3d4E5f6G7h");
		}
	}

	private static List<Map<String, Object>> jsonLines(CapturedOutput output) {
		return output.getOut()
			.lines()
			.filter((line) -> line.startsWith("{"))
			.map((line) -> JsonParserFactory.getJsonParser().parseMap(line))
			.toList();
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import({ TracedController.class, ObservedWork.class })
	static class LoggingTestApplication {

	}

	static class ObservedWork {

		@Observed(name = "observed.work")
		String work() {
			return "done";
		}

	}

	@RestController
	static class TracedController {

		private static final Log logger = LogFactory.getLog(TracedController.class);

		private final ObservedWork work;

		TracedController(ObservedWork work) {
			this.work = work;
		}

		@GetMapping("/traced")
		String traced() {
			BusinessContext.tenant("tenant-7");
			BusinessContext.user("user@example.com");
			BusinessContext.feature("bases.read");
			MDC.put("outbound_auth", "Authorization: Bearer " + Secrets.BEARER_TOKEN + " " + Secrets.TEXT);
			Span.current().setAttribute("leak", Secrets.TEXT);
			Span.current().addEvent("call", Attributes.of(AttributeKey.stringKey("detail"), Secrets.TEXT));
			logger.info("calling with " + Secrets.TEXT);
			this.work.work();
			logger.error("failed", new IllegalStateException("boom " + Secrets.TEXT));
			MDC.remove("outbound_auth");
			return "ok";
		}

	}

}
