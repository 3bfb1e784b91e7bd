package com.pyairtable.observability.logging;

import java.io.IOException;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.MDC;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A log event carrying a different secret in each of its parts (message text, argument,
 * MDC value, SLF4J key-value pair, exception message, its cause's and its suppressed
 * exception's), and the check that none of them reached an output.
 */
public final class LogLeakProbe {

	/** Text of the message that starts each probe line. */
	public static final String MESSAGE_START = "Probe calling";

	static final String IN_MESSAGE = "msgTok1234567890";

	static final String IN_ARGUMENT = Secrets.AIRTABLE_PAT;

	static final String IN_MDC = "mdcBearer0123456789abcdef";

	static final String IN_KEY_VALUE = Secrets.JWT;

	static final String IN_EXCEPTION = "excTok98765432";

	static final String IN_CAUSE = "causeBearer42abcdefghij";

	static final String IN_SUPPRESSED = "supTok555666777";

	/** Every secret of a probe. */
	public static final List<String> SECRETS = List.of(IN_MESSAGE, IN_ARGUMENT, IN_MDC, IN_KEY_VALUE, IN_EXCEPTION,
			IN_CAUSE, IN_SUPPRESSED);

	private LogLeakProbe() {
	}

	/**
	 * Logs one probe event at WARN.
	 * @param logger the logger
	 */
	public static void log(Logger logger) {
		log(logger, true);
	}

	/**
	 * Logs one probe event at WARN.
	 * @param logger the logger
	 * @param keyValues whether to add the key-value pair (Logback cannot serialize one)
	 */
	public static void log(Logger logger, boolean keyValues) {
		IllegalStateException exception = new IllegalStateException("failed with token=" + IN_EXCEPTION,
				new IOException("upstream said Bearer " + IN_CAUSE));
		exception.addSuppressed(new RuntimeException("retry used token=" + IN_SUPPRESSED));
		MDC.put("outbound_auth", "Authorization: Bearer " + IN_MDC);
		try {
			var builder = logger.atWarn()
				.setMessage(MESSAGE_START + " https://api.example.com/v1?token=" + IN_MESSAGE + " with {} for base {}")
				.addArgument(IN_ARGUMENT)
				.addArgument("appA1b2C3d4E5f6G7h")
				.setCause(exception);
			if (keyValues) {
				builder = builder.addKeyValue("credential", IN_KEY_VALUE);
			}
			builder.log();
		}
		finally {
			MDC.remove("outbound_auth");
		}
	}

	/**
	 * Asserts that an output holds the probe's line, redacted, and none of its secrets.
	 * @param output what an appender wrote or received
	 */
	public static void assertRedacted(String output) {
		assertThat(output).contains(MESSAGE_START).contains("[REDACTED:").contains("appA1b2C3d4E5f6G7h");
		for (String secret : SECRETS) {
			assertThat(output).as("secret %s", secret).doesNotContain(secret);
		}
	}

}
