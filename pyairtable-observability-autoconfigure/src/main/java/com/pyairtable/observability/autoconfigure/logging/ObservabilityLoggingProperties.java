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

	/** Console log format, json or text; json outside the development environment when unset (LOG_FORMAT). */
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

		/**
		 * Whether the log events every Logback appender receives are redacted and the extra
		 * patterns apply (JSON lines, spans, Sentry events and health details are always
		 * redacted).
		 */
		private boolean enabled = true;

		/** Extra regular expressions whose matches are redacted, besides the built-in ones. */
		private List<String> patterns = new ArrayList<>();

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

	}

}
