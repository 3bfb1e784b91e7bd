package com.pyairtable.observability.autoconfigure.core;

import com.pyairtable.observability.testsupport.TestWebApp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Plain-text logs, the default in development, carry no secret either: the message, the
 * MDC and the stack trace are redacted on the way out.
 */
@ExtendWith(OutputCaptureExtension.class)
class TextLogRedactionWebTests {

	private static final String AIRTABLE_TOKEN = "patAbCdEfGhIjKlMn.0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

	private static final String GOOGLE_KEY = "AIzaSyA1234567890abcdefghijklmnopqrstuv";

	private static final String JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1c2VyLTQyIn0.c2lnbmF0dXJlLXZhbHVlLWhlcmU";

	/**
	 * Boot keeps the log format of an application in system properties; another test's
	 * JSON application in this JVM must not decide the format here.
	 */
	@BeforeEach
	void plainTextLogs() {
		System.clearProperty("CONSOLE_LOG_STRUCTURED_FORMAT");
		System.clearProperty("FILE_LOG_STRUCTURED_FORMAT");
	}

	@Test
	void textLinesCarryNoSecret(CapturedOutput output) {
		try (TestWebApp app = TestWebApp.start(TestWebApp.WITHOUT_SECURITY,
				"pyairtable.observability.service.environment=development")) {
			Logger logger = LoggerFactory.getLogger("com.example.Orders");
			MDC.put("auth", "Bearer " + JWT);
			try {
				logger.warn("Calling Airtable with {} for base appSample0000001", AIRTABLE_TOKEN);
				logger.error("Gemini call failed", new IllegalStateException("key=" + GOOGLE_KEY + " rejected"));
			}
			finally {
				MDC.remove("auth");
			}
			String logged = output.getAll();
			assertThat(logged).contains("Calling Airtable with [REDACTED:")
				.contains("base appSample0000001")
				.contains("Gemini call failed")
				.contains("IllegalStateException")
				.doesNotContain(AIRTABLE_TOKEN)
				.doesNotContain(GOOGLE_KEY)
				.doesNotContain(JWT);
			assertThat(logged.lines().filter((line) -> line.contains("Calling Airtable"))).singleElement()
				.satisfies((line) -> assertThat(line).doesNotStartWith("{"));
		}
	}

	@Test
	void redactionCanBeSwitchedOff(CapturedOutput output) {
		try (TestWebApp app = TestWebApp.start(TestWebApp.WITHOUT_SECURITY,
				"pyairtable.observability.logging.redaction.enabled=false")) {
			LoggerFactory.getLogger("com.example.Orders").warn("token {}", AIRTABLE_TOKEN);
			assertThat(output.getAll()).contains(AIRTABLE_TOKEN);
		}
	}

}
