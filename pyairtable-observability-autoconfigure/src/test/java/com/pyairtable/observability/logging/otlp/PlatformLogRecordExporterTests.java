package com.pyairtable.observability.logging.otlp;

import java.util.List;
import java.util.function.UnaryOperator;

import com.pyairtable.observability.logging.SecretRedactor;
import com.pyairtable.observability.logging.Secrets;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.KeyValue;
import io.opentelemetry.api.common.Value;
import io.opentelemetry.api.logs.Logger;
import io.opentelemetry.sdk.logs.SdkLoggerProvider;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.logs.export.SimpleLogRecordProcessor;
import io.opentelemetry.sdk.testing.exporter.InMemoryLogRecordExporter;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Records emitted through a real OpenTelemetry SDK logger provider reach the exporter
 * behind {@link PlatformLogRecordExporter} with their body, event name and every textual
 * attribute redacted, and without the values whose redaction failed.
 */
class PlatformLogRecordExporterTests {

	private static final AttributeKey<List<String>> HEADERS = AttributeKey
		.stringArrayKey("http.request.header.authorization");

	private static final AttributeKey<String> DETAIL = AttributeKey.stringKey("detail");

	private static final AttributeKey<Long> COUNT = AttributeKey.longKey("count");

	private final InMemoryLogRecordExporter received = InMemoryLogRecordExporter.create();

	@Test
	void redactsBodyStringAndStringArrayAttributesAndStructuredBodies() {
		Logger logger = logger(SecretRedactor.withDefaults()::redact);
		logger.logRecordBuilder()
			.setBody("calling with " + Secrets.AIRTABLE_PAT)
			.setAttribute(HEADERS, List.of("Bearer " + Secrets.BEARER_TOKEN, "plain"))
			.setAttribute(DETAIL, "url?token=" + Secrets.TOKEN_PARAM)
			.setAttribute(COUNT, 3L)
			.emit();
		logger.logRecordBuilder()
			.setBody(Value.of(KeyValue.of("request", Value.of(Value.of("jwt " + Secrets.JWT), Value.of(7L)))))
			.emit();
		List<LogRecordData> records = this.received.getFinishedLogRecordItems();
		assertThat(records).hasSize(2);
		LogRecordData text = records.get(0);
		assertThat(text.getBodyValue().asString()).startsWith("calling with [REDACTED:");
		assertThat(text.getAttributes().get(HEADERS)).hasSize(2)
			.satisfies((headers) -> assertThat(headers.get(0)).startsWith("Bearer [REDACTED:"))
			.contains("plain");
		assertThat(text.getAttributes().get(DETAIL)).startsWith("url?token=[REDACTED:");
		assertThat(text.getAttributes().get(COUNT)).isEqualTo(3L);
		assertThat(records.get(1).getBodyValue().asString()).contains("jwt [REDACTED:").contains("7");
		for (String secret : Secrets.ALL) {
			assertThat(exported(records.get(0)) + exported(records.get(1))).doesNotContain(secret);
		}
	}

	@Test
	void dropsEveryValueWhoseRedactionFails() {
		Logger logger = logger((text) -> {
			if (text != null && text.contains("secret")) {
				throw new IllegalStateException("redaction failed");
			}
			return text;
		});
		logger.logRecordBuilder()
			.setBody("a secret body")
			.setAttribute(DETAIL, "a secret detail")
			.setAttribute(HEADERS, List.of("fine", "a secret header"))
			.setAttribute(AttributeKey.stringKey("kept"), "fine")
			.emit();
		LogRecordData record = this.received.getFinishedLogRecordItems().get(0);
		assertThat(record.getBodyValue()).isNull();
		assertThat(record.getAttributes().get(DETAIL)).isNull();
		assertThat(record.getAttributes().get(HEADERS)).isNull();
		assertThat(record.getAttributes().get(AttributeKey.stringKey("kept"))).isEqualTo("fine");
		assertThat(exported(record)).doesNotContain("secret");
		assertThat(record.toString()).doesNotContain("secret");
	}

	private static String exported(LogRecordData record) {
		return record.getBodyValue() + " " + record.getAttributes() + " " + record.getEventName();
	}

	private Logger logger(UnaryOperator<@Nullable String> redactor) {
		SdkLoggerProvider provider = SdkLoggerProvider.builder()
			.addLogRecordProcessor(SimpleLogRecordProcessor
				.create(new PlatformLogRecordExporter(this.received, redactor, "orders", "1.0.0", "test")))
			.build();
		return provider.get("com.example.Orders");
	}

}
