package com.pyairtable.observability.logging;

import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class PlatformJsonLogFormatterRedactorTests {

	private static final String KEY = "a-deployment-wide-key-7f3c9a";

	@Test
	void formatterUsesTheSameKeyAndPatternsAsTheBean() {
		MockEnvironment environment = new MockEnvironment()
			.withProperty("pyairtable.observability.logging.redaction.key", "  " + KEY + " ")
			.withProperty("pyairtable.observability.logging.redaction.patterns[0]", "internal-[0-9]{6}");
		SecretRedactor bean = SecretRedactor.builder()
			.key(KEY)
			.extraPatterns(java.util.List.of("internal-[0-9]{6}"))
			.build();
		SecretRedactor formatter = PlatformJsonLogFormatter.redactor(environment);
		assertThat(formatter.redact("token=482913 id internal-123456"))
			.isEqualTo(bean.redact("token=482913 id internal-123456"));
	}

	@Test
	void formatterFallsBackToTheProcessKeyWhenTheKeyIsRejected() {
		MockEnvironment environment = new MockEnvironment()
			.withProperty("pyairtable.observability.logging.redaction.key", "short")
			.withProperty("pyairtable.observability.logging.redaction.patterns[0]", "([");
		assertThat(PlatformJsonLogFormatter.redactor(environment).redact("token=482913"))
			.isEqualTo(SecretRedactor.withDefaults().redact("token=482913"));
	}

}
