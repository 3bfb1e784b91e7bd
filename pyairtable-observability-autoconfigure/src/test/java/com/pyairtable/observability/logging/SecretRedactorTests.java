package com.pyairtable.observability.logging;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SecretRedactorTests {

	private final SecretRedactor redactor = SecretRedactor.withDefaults();

	@Test
	void redactsEverySampleAndKeepsAirtableIds() {
		String redacted = this.redactor.redact(Secrets.TEXT);
		assertThat(redacted).doesNotContain(Secrets.ALL);
		assertThat(redacted).contains("appA1b2C3d4E5f6G7h", "tblZ9y8X7w6V5u4T3s", "Authorization: Basic [REDACTED:",
				"api_key=[REDACTED:", "&token=[REDACTED:");
	}

	@Test
	void replacementIsTheShortHashOfTheSecret() {
		assertThat(this.redactor.redact("key " + Secrets.GOOGLE_KEY))
			.isEqualTo("key " + SecretRedactor.replacement(Secrets.GOOGLE_KEY));
		assertThat(SecretRedactor.replacement(Secrets.GOOGLE_KEY)).matches("\\[REDACTED:[0-9a-f]{8}]");
		assertThat(this.redactor.redact("Bearer " + Secrets.BEARER_TOKEN))
			.isEqualTo("Bearer " + SecretRedactor.replacement(Secrets.BEARER_TOKEN));
	}

	@Test
	void eachPatternAloneIsRedacted() {
		for (String secret : List.of(Secrets.AIRTABLE_PAT, Secrets.GOOGLE_KEY, Secrets.OPENAI_KEY,
				Secrets.ANTHROPIC_KEY, Secrets.JWT)) {
			assertThat(this.redactor.redact("value " + secret + " end")).doesNotContain(secret)
				.isEqualTo("value " + SecretRedactor.replacement(secret) + " end");
		}
	}

	@Test
	void triggersAreFoundInAnyCaseAndAnywhereInTheLine() {
		String padding = "x".repeat(300);
		assertThat(this.redactor.redact(padding + " AUTHORIZATION: Basic dXNlcjpwYXNz"))
			.isEqualTo(padding + " AUTHORIZATION: Basic " + SecretRedactor.replacement("dXNlcjpwYXNz"));
		assertThat(this.redactor.redact("GET /x?Api_Key=abc123&TOKEN=def456"))
			.isEqualTo("GET /x?Api_Key=" + SecretRedactor.replacement("abc123") + "&TOKEN="
					+ SecretRedactor.replacement("def456"));
		assertThat(this.redactor.redact("header bEaReR " + Secrets.BEARER_TOKEN)).doesNotContain(Secrets.BEARER_TOKEN);
		// Case-sensitive token shapes stay case-sensitive: this is not an Airtable token.
		String notAToken = "PAT" + "a".repeat(14) + "." + "0".repeat(64);
		assertThat(this.redactor.redact(notAToken)).isSameAs(notAToken);
	}

	@Test
	void cleanLineIsReturnedAsIs() {
		String clean = "GET /api/v1/bases/appA1b2C3d4E5f6G7h/tables 200 in 12ms";
		assertThat(this.redactor.redact(clean)).isSameAs(clean);
	}

	@Test
	void extraPatternsAreApplied() {
		SecretRedactor extra = SecretRedactor.withExtraPatterns(List.of("internal-[0-9]{6}"));
		assertThat(extra.redact("id internal-123456")).isEqualTo("id " + SecretRedactor.replacement("internal-123456"));
	}

	@Test
	void invalidExtraPatternIsRejected() {
		assertThatExceptionOfType(java.util.regex.PatternSyntaxException.class)
			.isThrownBy(() -> SecretRedactor.withExtraPatterns(List.of("([")));
	}

	@Test
	void redactionIsIdempotent() {
		String once = this.redactor.redact(Secrets.TEXT);
		assertThat(this.redactor.redact(once)).isEqualTo(once);
	}

}
