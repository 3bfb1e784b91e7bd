package com.pyairtable.observability.health;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;

class RedactionTests {

	@Test
	void stripsUserInfoQueryAndFragmentFromAddresses() {
		assertThat(Redaction.uri(URI.create("https://user:pw@api.airtable.com:8443/v0/meta?api_key=abc#frag")))
			.isEqualTo("https://api.airtable.com:8443/v0/meta");
	}

	@Test
	void masksPathSegmentsThatLookLikeTokensAndKeepsNames() {
		assertThat(Redaction.uri(URI.create("https://hooks.example.com/hooks/T0A1B2C3D4E5F6G7H8I9J0K1/status")))
			.isEqualTo("https://hooks.example.com/hooks/******/status");
		assertThat(Redaction.uri(URI.create("https://api.example.com/v1/sk-abcdefghijklmnopqrstuvwxyz123456")))
			.isEqualTo("https://api.example.com/v1/******");
		assertThat(Redaction.uri(URI.create("https://api.example.com/v1/0f8fad5b-d9cb-469f-a165-70867728950e")))
			.isEqualTo("https://api.example.com/v1/******");
		assertThat(Redaction.uri(URI.create("https://api.airtable.com/v0/appA1b2C3d4E5f6G7/tblA1b2C3d4E5f6G7")))
			.isEqualTo("https://api.airtable.com/v0/appA1b2C3d4E5f6G7/tblA1b2C3d4E5f6G7");
		assertThat(Redaction.uri(URI.create("http://payments-service:8080/internal/health-check-endpoint/v2")))
			.isEqualTo("http://payments-service:8080/internal/health-check-endpoint/v2");
		assertThat(Redaction.pathSecrets(URI.create("https://h.example.com/hooks/T0A1B2C3D4E5F6G7H8I9J0K1")))
			.containsExactly("T0A1B2C3D4E5F6G7H8I9J0K1");
	}

	@Test
	void cleansAddressesQuotedInErrors() {
		String error = Redaction.error(new IllegalStateException(
				"GET https://u:p4ss@h.example.com/hooks/T0A1B2C3D4E5F6G7H8I9J0K1?sig=abc failed: Bearer "
						+ "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1c2VyLTQyIn0.c2lnbmF0dXJlLXZhbHVl"),
				List.of());
		assertThat(error).startsWith("IllegalStateException: GET https://h.example.com/hooks/****** failed: Bearer ")
			.contains("[REDACTED")
			.doesNotContain("p4ss", "T0A1B2", "sig=", "eyJ");
	}

	@Test
	void redactsBeforeCutting() {
		String secret = "sk-abcdefghijklmnopqrstuvwxyz123456";
		String text = Redaction.text("x".repeat(280) + " " + secret, List.of());
		// Cut first, the first characters of the key would remain and no longer match.
		assertThat(text).doesNotContain("sk-abc").contains("[REDACTED");
	}

	@Test
	void masksAllWhenTheRedactionFails() {
		UnaryOperator<@Nullable String> failing = (text) -> {
			throw new IllegalStateException("cannot redact " + text);
		};
		assertThat(Redaction.text("token abc", List.of(), failing)).isEqualTo(Redaction.MASK);
		assertThat(Redaction.uri(URI.create("https://h.example.com/x"), failing)).isEqualTo(Redaction.MASK);
		Health health = Health.up().withDetail("note", "anything").withDetail("count", 3).build();
		assertThat(Redaction.details(health, failing).getDetails()).containsEntry("note", Redaction.MASK)
			.containsEntry("count", 3);
	}

	@Test
	void redactsHealthDetailsAndKeepsACleanHealthAsItIs() {
		Health leaky = Health.down()
			.withDetail("url", "jdbc:postgresql://app:pw-123456@db.example.com:5432/orders?password=x")
			.withDetail("nested", Map.of("auth", List.of("Bearer sk-abcdefghijklmnopqrstuvwxyz123456")))
			.withDetail("size", 42)
			.build();
		Health redacted = Redaction.details(leaky);
		assertThat(redacted.getStatus()).isEqualTo(Status.DOWN);
		assertThat(redacted.getDetails()).containsEntry("url", "jdbc:postgresql://db.example.com:5432/orders")
			.containsEntry("size", 42);
		assertThat(redacted.getDetails().get("nested").toString()).contains("[REDACTED").doesNotContain("sk-abc");
		Health clean = Health.up()
			.withDetail("database", "PostgreSQL")
			.withDetail("validationQuery", "isValid()")
			.build();
		assertThat(Redaction.details(clean)).isSameAs(clean);
	}

	@Test
	void masksSecretsAndBoundsTheLength() {
		String text = Redaction.text("token sk-live-123 " + "x".repeat(400), List.of("sk-live-123"));
		assertThat(text).startsWith("token ****** ").hasSize(303).endsWith("...");
	}

}
