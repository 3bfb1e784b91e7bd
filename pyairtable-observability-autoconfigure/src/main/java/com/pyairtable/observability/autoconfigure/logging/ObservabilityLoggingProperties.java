package com.pyairtable.observability.autoconfigure.logging;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Logs: JSON or text, request ids and secret redaction.
 */
@ConfigurationProperties(ObservabilityLoggingProperties.PREFIX)
public class ObservabilityLoggingProperties {

	/** Prefix of the logging properties. */
	public static final String PREFIX = "pyairtable.observability.logging";

	/** Whether the logging features are enabled. */
	private boolean enabled = true;

	/**
	 * Console log format, json or text; json outside the development environment when
	 * unset (LOG_FORMAT).
	 */
	private @Nullable String format;

	private final RequestId requestId = new RequestId();

	private final Redaction redaction = new Redaction();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public @Nullable String getFormat() {
		return this.format;
	}

	public void setFormat(@Nullable String format) {
		this.format = normalizeFormat(format);
	}

	public RequestId getRequestId() {
		return this.requestId;
	}

	public Redaction getRedaction() {
		return this.redaction;
	}

	static @Nullable String normalizeFormat(@Nullable String format) {
		if (format == null || format.isBlank()) {
			return null;
		}
		String normalized = format.trim().toLowerCase(Locale.ROOT);
		if (!normalized.equals("json") && !normalized.equals("text")) {
			throw new IllegalArgumentException(PREFIX + ".format was '" + format + "' but must be json or text");
		}
		return normalized;
	}

	/** The X-Request-ID header. */
	public static class RequestId {

		/** Whether X-Request-ID is read, generated, logged, echoed and passed on. */
		private boolean enabled = true;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

	}

	/** Secret redaction in logs and spans. */
	public static class Redaction {

		/** Shortest accepted key, in characters. */
		public static final int MIN_KEY_LENGTH = 16;

		/**
		 * Whether the log events every Logback appender receives are redacted and the
		 * extra patterns apply (JSON lines, spans, Sentry events and health details are
		 * always redacted).
		 */
		private boolean enabled = true;

		/**
		 * Extra regular expressions whose matches are redacted, besides the built-in
		 * ones.
		 */
		private List<String> patterns = new ArrayList<>();

		/**
		 * HMAC key of the markers and user-id hashes, the same for a deployment; random
		 * per process when unset (OBSERVABILITY_REDACTION_KEY).
		 */
		private @Nullable String key;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public List<String> getPatterns() {
			return this.patterns;
		}

		public void setPatterns(List<String> patterns) {
			for (int i = 0; i < patterns.size(); i++) {
				try {
					Pattern.compile(patterns.get(i));
				}
				catch (PatternSyntaxException ex) {
					throw new IllegalArgumentException(PREFIX + ".redaction.patterns[" + i + "] was '" + patterns.get(i)
							+ "' but is not a valid regular expression: " + ex.getDescription());
				}
			}
			this.patterns = patterns;
		}

		public @Nullable String getKey() {
			return this.key;
		}

		public void setKey(@Nullable String key) {
			this.key = (key != null && !key.isBlank()) ? key.trim() : null;
		}

		/**
		 * The key, checked: not in the setter, since Spring Boot's report of a binding
		 * failure prints the value, and this one must never be printed.
		 * @return the key, or {@code null} when unset
		 * @throws IllegalStateException if the key is too short (the message names its
		 * length, never its value)
		 */
		public @Nullable String checkedKey() {
			if (this.key != null && this.key.length() < MIN_KEY_LENGTH) {
				throw new IllegalStateException(
						PREFIX + ".redaction.key (OBSERVABILITY_REDACTION_KEY) must be at least " + MIN_KEY_LENGTH
								+ " characters long but has " + this.key.length());
			}
			return this.key;
		}

	}

}
