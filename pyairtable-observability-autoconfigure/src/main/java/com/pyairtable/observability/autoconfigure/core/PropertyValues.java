package com.pyairtable.observability.autoconfigure.core;

import java.util.regex.Pattern;

import com.pyairtable.observability.logging.SecretRedactor;
import org.jspecify.annotations.Nullable;

/**
 * A property value as a startup failure message may quote it: passed through the secret
 * redactor's built-in patterns whole, without the user info, query and fragment of an
 * address, on one line, and only then cut. The starter's validation messages and its
 * binding failure analysis quote values through it.
 */
public final class PropertyValues {

	private static final SecretRedactor REDACTOR = SecretRedactor.withDefaults();

	private static final Pattern USER_INFO = Pattern.compile("(?<=://)[^/@\\s]+@");

	private static final Pattern QUERY_OR_FRAGMENT = Pattern.compile("[?#][^\\s\"']*");

	private static final String FAILED = SecretRedactor.DROPPED;

	private static final int MAX_LENGTH = 120;

	private PropertyValues() {
	}

	/**
	 * The value, safe to quote in a message.
	 * @param value the value as given
	 * @return the redacted value, {@code null} as {@code "null"}
	 */
	public static String forMessage(@Nullable Object value) {
		if (value == null) {
			return "null";
		}
		return text(String.valueOf(value), true);
	}

	/**
	 * A message that may quote values, made safe the same way but not cut.
	 * @param message the message
	 * @return the redacted message
	 */
	static String message(@Nullable String message) {
		return (message != null) ? text(message, false) : "";
	}

	private static String text(String text, boolean cut) {
		String redacted;
		try {
			redacted = REDACTOR.redact(text);
		}
		catch (RuntimeException | StackOverflowError ex) {
			return FAILED;
		}
		if (redacted == null) {
			return FAILED;
		}
		if (redacted.contains("://")) {
			redacted = USER_INFO.matcher(redacted).replaceAll("");
			redacted = QUERY_OR_FRAGMENT.matcher(redacted).replaceAll("");
		}
		if (!cut) {
			return redacted;
		}
		// A quoted value stays on one line, so that it cannot forge the lines around it.
		StringBuilder result = new StringBuilder(Math.min(redacted.length(), MAX_LENGTH) + 3);
		for (int i = 0; i < redacted.length() && i < MAX_LENGTH; i++) {
			char c = redacted.charAt(i);
			result.append((c < ' ' || c == 0x7f) ? '_' : c);
		}
		return (redacted.length() > MAX_LENGTH) ? result.append("...").toString() : result.toString();
	}

}
