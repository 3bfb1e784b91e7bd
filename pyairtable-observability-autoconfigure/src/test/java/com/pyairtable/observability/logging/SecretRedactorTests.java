package com.pyairtable.observability.logging;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

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
	void replacementIsTheShortKeyedHashOfTheSecret() {
		assertThat(this.redactor.redact("key " + Secrets.GOOGLE_KEY))
			.isEqualTo("key " + this.redactor.replacement(Secrets.GOOGLE_KEY));
		assertThat(this.redactor.replacement(Secrets.GOOGLE_KEY)).matches("\\[REDACTED:[0-9a-f]{8}]");
		assertThat(this.redactor.redact("Bearer " + Secrets.BEARER_TOKEN))
			.isEqualTo("Bearer " + this.redactor.replacement(Secrets.BEARER_TOKEN));
	}

	@Test
	void markerIsAnHmacUnderTheDeploymentKeyNotAPlainHash() throws Exception {
		SecretRedactor keyed = SecretRedactor.builder().key("deployment-key-0123456789").build();
		SecretRedactor sameKey = SecretRedactor.builder()
			.key("deployment-key-0123456789".getBytes(StandardCharsets.UTF_8))
			.build();
		SecretRedactor otherKey = SecretRedactor.builder().key("another-deployment-key-42").build();
		String redacted = keyed.redact("GET /x?token=482913");
		assertThat(redacted).isEqualTo(sameKey.redact("GET /x?token=482913"))
			.isNotEqualTo(otherKey.redact("GET /x?token=482913"));
		byte[] sha = MessageDigest.getInstance("SHA-256").digest("482913".getBytes(StandardCharsets.UTF_8));
		assertThat(redacted).doesNotContain(HexFormat.of().formatHex(sha, 0, 4));
		// Without a key, the process's random key: stable within the process.
		assertThat(SecretRedactor.withDefaults().redact("token=482913")).isEqualTo(this.redactor.redact("token=482913"))
			.isNotEqualTo(keyed.redact("token=482913"));
		assertThat(keyed.keyedHash("user@example.com")).hasSize(16)
			.isEqualTo(sameKey.keyedHash("user@example.com"))
			.isNotEqualTo(otherKey.keyedHash("user@example.com"));
		assertThat(keyed.toString()).doesNotContain("deployment-key");
	}

	@Test
	void eachPatternAloneIsRedacted() {
		for (String secret : List.of(Secrets.AIRTABLE_PAT, Secrets.GOOGLE_KEY, Secrets.OPENAI_KEY,
				Secrets.ANTHROPIC_KEY, Secrets.JWT)) {
			assertThat(this.redactor.redact("value " + secret + " end")).doesNotContain(secret)
				.isEqualTo("value " + this.redactor.replacement(secret) + " end");
		}
	}

	static Stream<Arguments> rules() {
		return SecretSamples.ROWS.stream()
			.map((row) -> Arguments.of(row.rule(), row.text(), row.secret(), row.negative()));
	}

	@ParameterizedTest(name = "{0}: {1}")
	@MethodSource("rules")
	void eachRuleRedactsItsSecretAndKeepsItsLookAlike(String rule, String text, String secret, String negative) {
		String redacted = this.redactor.redact(text);
		assertThat(redacted).as(rule).doesNotContain(secret).contains(SecretRedactor.MARKER);
		assertThat(this.redactor.containsSecret(text)).isTrue();
		assertThat(this.redactor.redact(negative)).as(rule).isSameAs(negative);
		assertThat(this.redactor.containsSecret(negative)).isFalse();
		assertThat(this.redactor.redact(redacted)).as("idempotent").isEqualTo(redacted);
	}

	@Test
	void everyBuiltInRuleHasASample() {
		Set<String> sampled = SecretSamples.ROWS.stream().map(SecretSamples.Row::rule).collect(Collectors.toSet());
		assertThat(sampled).containsAll(SecretRedactor.builtInRuleNames());
	}

	@Test
	void ordinaryIdentifiersComeBackUnchanged() {
		for (String ordinary : SecretSamples.ORDINARY) {
			assertThat(this.redactor.redact(ordinary)).as(ordinary).isSameAs(ordinary);
		}
		String all = String.join(" ", SecretSamples.ORDINARY);
		assertThat(this.redactor.redact(all)).isSameAs(all);
	}

	@Test
	void triggersAreFoundInAnyCaseAndAnywhereInTheLine() {
		String padding = "x".repeat(300);
		assertThat(this.redactor.redact(padding + " AUTHORIZATION: Basic dXNlcjpwYXNz"))
			.isEqualTo(padding + " AUTHORIZATION: Basic " + this.redactor.replacement("dXNlcjpwYXNz"));
		assertThat(this.redactor.redact("GET /x?Api_Key=abc123&TOKEN=def456")).isEqualTo("GET /x?Api_Key="
				+ this.redactor.replacement("abc123") + "&TOKEN=" + this.redactor.replacement("def456"));
		assertThat(this.redactor.redact("header bEaReR " + Secrets.BEARER_TOKEN)).doesNotContain(Secrets.BEARER_TOKEN);
		// Case-sensitive token shapes stay case-sensitive: this is not an Airtable token.
		String notAToken = "PAT" + "a".repeat(14) + "." + "0".repeat(64);
		assertThat(this.redactor.redact(notAToken)).isSameAs(notAToken);
	}

	@Test
	void cleanLineIsReturnedAsIs() {
		String clean = "GET /api/v1/bases/appA1b2C3d4E5f6G7h/tables 200 in 12ms";
		assertThat(this.redactor.redact(clean)).isSameAs(clean);
		assertThat(this.redactor.redact("")).isEmpty();
		assertThat(this.redactor.redact(null)).isNull();
		assertThat(this.redactor.containsSecret(null)).isFalse();
	}

	@Test
	void extraPatternsAreApplied() {
		SecretRedactor extra = SecretRedactor.withExtraPatterns(List.of("internal-[0-9]{6}"));
		assertThat(extra.redact("id internal-123456")).isEqualTo("id " + extra.replacement("internal-123456"));
		SecretRedactor built = SecretRedactor.builder()
			.key("k".repeat(16))
			.extraPatterns(List.of("internal-[0-9]{6}"))
			.build();
		assertThat(built.redact("id internal-123456")).isEqualTo("id " + built.replacement("internal-123456"))
			.isNotEqualTo(extra.redact("id internal-123456"));
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

	@Test
	void secretStraddlingAWindowBoundaryIsFoundWhole() {
		int step = SecretRedactor.WINDOW - SecretRedactor.OVERLAP;
		for (int offset : new int[] { step - 40, step - 1, SecretRedactor.WINDOW - 40, SecretRedactor.WINDOW - 2 }) {
			String text = "x ".repeat(offset / 2) + ((offset % 2 != 0) ? "x" : "") + " " + Secrets.JWT + " "
					+ "y ".repeat(20_000);
			assertThat(this.redactor.redact(text)).as("offset %d", offset)
				.doesNotContain("eyJhbGciOiJIUzI1NiJ9", "eyJzdWIiOiIxMjM0NTY3ODkwIn0", "dozjgNryP4J3jVmNHl0w5N")
				.contains(this.redactor.replacement(Secrets.JWT));
		}
	}

	@Test
	void secretLongerThanTheOverlapIsNotCutAtAWindowEnd() {
		String longKey = "sk-proj-" + "a1B2".repeat(3000);
		String text = ". ".repeat(6000) + longKey + " tail";
		String redacted = this.redactor.redact(text);
		assertThat(redacted).doesNotContain("a1B2").endsWith(this.redactor.replacement(longKey) + " tail");
		String key = "-----BEGIN PRIVATE KEY-----\n" + "MIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n".repeat(1000)
				+ "-----END PRIVATE KEY-----";
		assertThat(this.redactor.redact("key " + key + " after"))
			.isEqualTo("key " + this.redactor.replacement(key) + " after");
	}

	@Test
	void adversarialInputsAreReadALinearNumberOfTimes() {
		for (String shape : List.of("eyJ", "sk-", "pat", "=", " ", "Bearer ", "\"", "\"password\":\"", "token=", "://",
				"a://b:", "-----BEGIN PRIVATE KEY-----", "eyJa.", "Authorization: Digest ", "AKIA", "ghp_",
				"hooks.slack.com/services/", "cookie:", "x-api-key=[")) {
			double small = readsPerCharacter(shape, 1024);
			for (int size : new int[] { 8 * 1024, 64 * 1024 }) {
				double large = readsPerCharacter(shape, size);
				assertThat(large).as("reads per character of %d of '%s'", size, shape).isLessThan(200);
				assertThat(large).as("growth of reads per character of '%s' from 1 KB to %d", shape, size)
					.isLessThanOrEqualTo(Math.max(2 * small, 8));
			}
		}
	}

	@Test
	void readCountingCatchesAQuadraticPattern() {
		SecretRedactor backtracking = SecretRedactor.withExtraPatterns(List.of("eyJ[A-Za-z0-9_-]{5,}\\.x"));
		assertThat(readsPerCharacter(backtracking, "eyJ", 8 * 1024)).isGreaterThan(200);
	}

	@Test
	void redactionThatFailsDropsTheValue() throws InterruptedException {
		// Java recurses once per iteration of a quantified alternation: a small stack
		// overflows.
		SecretRedactor recursive = SecretRedactor.withExtraPatterns(List.of("(?:a|b)*c"));
		String text = "ab".repeat(8000);
		AtomicReference<String> result = new AtomicReference<>();
		Thread thread = new Thread(null, () -> result.set(recursive.redact(text)), "small-stack", 64 * 1024);
		thread.start();
		thread.join();
		assertThat(result.get()).isEqualTo(SecretRedactor.DROPPED);
	}

	private double readsPerCharacter(String shape, int size) {
		return readsPerCharacter(this.redactor, shape, size);
	}

	private static double readsPerCharacter(SecretRedactor redactor, String shape, int size) {
		String text = shape.repeat(size / shape.length() + 1).substring(0, size);
		List<CountingSequence> views = new ArrayList<>();
		redactor.redact(text, (sequence) -> {
			CountingSequence view = new CountingSequence(sequence.toString());
			views.add(view);
			return view;
		});
		long reads = views.stream().mapToLong(CountingSequence::reads).sum();
		return (double) reads / size;
	}

	/** A text that counts how often its characters are read. */
	private static final class CountingSequence implements CharSequence {

		private final String text;

		private long reads;

		CountingSequence(String text) {
			this.text = text;
		}

		long reads() {
			return this.reads;
		}

		@Override
		public int length() {
			return this.text.length();
		}

		@Override
		public char charAt(int index) {
			this.reads++;
			return this.text.charAt(index);
		}

		@Override
		public CharSequence subSequence(int start, int end) {
			return this.text.substring(start, end);
		}

		@Override
		public String toString() {
			return this.text;
		}

	}

}
