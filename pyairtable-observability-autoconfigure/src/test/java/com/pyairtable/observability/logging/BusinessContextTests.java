package com.pyairtable.observability.logging;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import static org.assertj.core.api.Assertions.assertThat;

class BusinessContextTests {

	private static final String LONG_JWT = "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCIsImtpZCI6ImFiYzEyMyJ9."
			+ "eyJzdWIiOiJ1c2VyLTQyIiwidGVuYW50IjoiYWNtZSIsInNjb3BlIjoicmVhZCB3cml0ZSBhZG1pbiIsImV4cCI6MTk5OTk5OTk5OX0."
			+ "c2lnbmF0dXJlLXRoYXQtaXMtbG9uZy1lbm91Z2gtdG8tcGFzcy10aGUtY3V0LWF0LTEyOC1jaGFyYWN0ZXJz";

	private final InMemorySpanExporter exporter = InMemorySpanExporter.create();

	private final SdkTracerProvider provider = SdkTracerProvider.builder()
		.addSpanProcessor(SimpleSpanProcessor.create(this.exporter))
		.build();

	@AfterEach
	void reset() {
		BusinessContext.clear();
		BusinessContext.useRedactor(SecretRedactor.withDefaults());
		this.provider.close();
	}

	@Test
	void secretPassedAsTenantOrFeatureIsRedactedWholeBeforeItIsCut() {
		assertThat(LONG_JWT).hasSizeGreaterThan(BusinessContext.MAX_LENGTH);
		SecretRedactor redactor = SecretRedactor.withDefaults();
		SpanData span = inSpan(() -> {
			BusinessContext.tenant(LONG_JWT);
			BusinessContext.feature("export " + LONG_JWT);
			assertThat(MDC.get("tenant_id")).isEqualTo(redactor.replacement(LONG_JWT));
			assertThat(MDC.get("business_feature")).isEqualTo("export " + redactor.replacement(LONG_JWT));
		});
		assertThat(span.getAttributes().asMap().values()).allSatisfy(
				(value) -> assertThat(value.toString()).doesNotContain("eyJhbGciOiJSUzI1NiIs", "eyJzdWIiOiJ1c2VyLTQy")
					.contains(SecretRedactor.MARKER));
	}

	@Test
	void ordinaryValueIsCutAfterRedaction() {
		BusinessContext.costCenter("cc-" + "9".repeat(200));
		assertThat(MDC.get("cost_center")).hasSize(BusinessContext.MAX_LENGTH).startsWith("cc-999");
		BusinessContext.tier("enterprise");
		assertThat(MDC.get("business_tier")).isEqualTo("enterprise");
	}

	@Test
	void userIdHashIsKeyedByTheDeploymentKey() throws Exception {
		SecretRedactor deployment = SecretRedactor.builder().key("deployment-key-0123456789").build();
		BusinessContext.useRedactor(deployment);
		BusinessContext.user("user@example.com");
		String hash = MDC.get("user_id");
		assertThat(hash).isEqualTo(deployment.keyedHash("user@example.com"))
			.isEqualTo(BusinessContext.hashUserId("user@example.com"))
			.matches("[0-9a-f]{16}");
		byte[] sha = MessageDigest.getInstance("SHA-256").digest("user@example.com".getBytes(StandardCharsets.UTF_8));
		assertThat(hash).isNotEqualTo(HexFormat.of().formatHex(sha, 0, 8));
		BusinessContext.useRedactor(SecretRedactor.builder().key("another-deployment-key-42").build());
		assertThat(BusinessContext.hashUserId("user@example.com")).isNotEqualTo(hash);
	}

	@Test
	void nullRemovesTheValue() {
		BusinessContext.tenant("acme");
		BusinessContext.tenant(null);
		BusinessContext.user(null);
		assertThat(MDC.get("tenant_id")).isNull();
		assertThat(MDC.get("user_id")).isNull();
	}

	private SpanData inSpan(Runnable work) {
		Span span = this.provider.get("test").spanBuilder("work").startSpan();
		try (Scope scope = span.makeCurrent()) {
			work.run();
		}
		finally {
			span.end();
		}
		return this.exporter.getFinishedSpanItems().get(0);
	}

}
