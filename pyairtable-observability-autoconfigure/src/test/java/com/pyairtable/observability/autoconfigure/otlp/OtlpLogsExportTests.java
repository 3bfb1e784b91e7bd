package com.pyairtable.observability.autoconfigure.otlp;

import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

import com.pyairtable.observability.logging.otlp.LogbackOtlpAppender;
import com.pyairtable.observability.testsupport.OtlpCollector;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.opentelemetry.proto.logs.v1.LogRecord;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.awaitility.Awaitility.await;

/**
 * Log events exported to a real OTLP/HTTP receiver on loopback, decoded with the official
 * {@code opentelemetry-proto} messages.
 */
class OtlpLogsExportTests {

	private static final Logger logger = LoggerFactory.getLogger("com.example.orders.OrderService");

	private static final String SECRET = "sk-abcdefghijklmnopqrstuvwxyz123456";

	@Test
	void exportsLogEventsWithTheJsonFieldsTraceIdsAndRedaction() {
		try (OtlpCollector receiver = new OtlpCollector();
				ConfigurableApplicationContext context = OtlpMetricsExportTests.start(
						"pyairtable.observability.logging.otlp.enabled=true",
						"pyairtable.observability.logging.otlp.endpoint=" + receiver.endpoint(),
						"management.opentelemetry.logging.export.schedule-delay=100ms",
						"management.tracing.sampling.probability=1.0")) {
			Tracer tracer = context.getBean(Tracer.class);
			Span span = tracer.nextSpan().name("order").start();
			try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
				MDC.put("request_id", "req-42");
				logger.warn("Order 7 failed calling the LLM with key {}", SECRET,
						new IllegalStateException("upstream said Bearer " + SECRET));
			}
			finally {
				MDC.remove("request_id");
				span.end();
			}
			await().atMost(Duration.ofSeconds(15)).until(() -> record(receiver, "Order 7").isPresent());
			LogRecord record = record(receiver, "Order 7").orElseThrow();
			assertThat(record.getBody().getStringValue())
				.startsWith("Order 7 failed calling the LLM with key [REDACTED:")
				.doesNotContain(SECRET);
			assertThat(HexFormat.of().formatHex(record.getTraceId().toByteArray())).isEqualTo(span.context().traceId());
			assertThat(HexFormat.of().formatHex(record.getSpanId().toByteArray())).isEqualTo(span.context().spanId());
			assertThat(record.getSeverityText()).isEqualTo("WARN");
			Map<String, String> attributes = OtlpMetricsExportTests.attributes(record.getAttributesList());
			assertThat(attributes).containsEntry("service", "otlp-test")
				.containsEntry("environment", "development")
				.containsEntry("level", "WARN")
				.containsEntry("logger", "com.example.orders.OrderService")
				.containsEntry("request_id", "req-42")
				.containsEntry("thread", Thread.currentThread().getName())
				.containsEntry("exception.type", IllegalStateException.class.getName())
				.containsKey("version")
				.doesNotContainKeys("traceId", "spanId");
			assertThat(attributes.get("exception.message")).contains("[REDACTED:").doesNotContain(SECRET);
			assertThat(attributes.get("exception.stacktrace")).contains("[REDACTED:").doesNotContain(SECRET);
		}
	}

	@Test
	void isOffByDefault() {
		try (ConfigurableApplicationContext context = OtlpMetricsExportTests.start()) {
			assertThat(context.getBeansOfType(LogbackOtlpAppender.class)).isEmpty();
			assertThat(context.getEnvironment().getProperty("management.opentelemetry.logging.export.otlp.endpoint"))
				.isNull();
		}
	}

	@Test
	void failsStartupNamingTheEndpointPropertyWhenItIsNotAUrl() {
		assertThatException()
			.isThrownBy(() -> OtlpMetricsExportTests.start("pyairtable.observability.logging.otlp.enabled=true",
					"pyairtable.observability.logging.otlp.endpoint=ftp://collector"))
			.withStackTraceContaining(
					"pyairtable.observability.logging.otlp.endpoint must be an http:// or https:// URL");
	}

	private static Optional<LogRecord> record(OtlpCollector receiver, String prefix) {
		return receiver.logRecords()
			.stream()
			.filter((log) -> log.getBody().getStringValue().startsWith(prefix))
			.findFirst();
	}

}
