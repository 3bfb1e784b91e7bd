package com.pyairtable.observability.logging;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.LoggerContextVO;
import ch.qos.logback.classic.spi.LoggingEvent;
import org.jspecify.annotations.Nullable;
import org.slf4j.Marker;
import org.slf4j.event.KeyValuePair;

/**
 * A log event as every appender, encoder and layout downstream of the redaction sees it:
 * the formatted message, the MDC values, the SLF4J key-value pairs and the exception's
 * messages (causes and suppressed included) passed through the {@link SecretRedactor};
 * logger, level, time, thread, markers and caller data unchanged. The message is the
 * redacted formatted message and the arguments are dropped, so that a receiver that
 * formats again (a socket server) cannot put an unredacted argument back. Each part is
 * redacted once, when first read, and kept; a part without a secret keeps the original
 * instance. It is a {@link LoggingEvent} (none of whose own fields it uses) because
 * Logback's socket appenders serialize nothing else.
 */
final class RedactedLoggingEvent extends LoggingEvent {

	/**
	 * What a value becomes when its redaction fails: it is dropped, never passed through.
	 */
	static final String UNAVAILABLE = SecretRedactor.DROPPED;

	private static final Set<String> TRACE_CONTEXT_KEYS = Set.of("traceId", "spanId", "trace_id", "span_id");

	private final ILoggingEvent event;

	private final SecretRedactor redactor;

	// Not volatile: each is immutable once built, and two threads racing on a first read
	// both build the same value.

	private @Nullable String formattedMessage;

	private @Nullable Map<String, String> mdc;

	private @Nullable Parts parts;

	private RedactedLoggingEvent(ILoggingEvent event, SecretRedactor redactor) {
		this.event = event;
		this.redactor = redactor;
	}

	/**
	 * The redacted view of an event; an event already redacted is returned as is.
	 * @param event the event
	 * @param redactor the redactor
	 * @return the redacted event
	 */
	static ILoggingEvent of(ILoggingEvent event, SecretRedactor redactor) {
		return (event instanceof RedactedLoggingEvent) ? event : new RedactedLoggingEvent(event, redactor);
	}

	@Nullable String redact(@Nullable String text) {
		try {
			return this.redactor.redact(text);
		}
		catch (RuntimeException ex) {
			return UNAVAILABLE;
		}
	}

	@Override
	public String getFormattedMessage() {
		String message = this.formattedMessage;
		if (message == null) {
			String formatted = this.event.getFormattedMessage();
			message = (formatted != null) ? redact(formatted) : "";
			this.formattedMessage = message;
		}
		return message;
	}

	@Override
	public String getMessage() {
		return getFormattedMessage();
	}

	@Override
	public Object @Nullable [] getArgumentArray() {
		return null;
	}

	@Override
	public Map<String, String> getMDCPropertyMap() {
		Map<String, String> mdc = this.mdc;
		if (mdc == null) {
			mdc = redactedMdc(this.event.getMDCPropertyMap());
			this.mdc = mdc;
		}
		return mdc;
	}

	private Map<String, String> redactedMdc(@Nullable Map<String, String> original) {
		if (original == null || original.isEmpty()) {
			return Map.of();
		}
		Map<String, String> redacted = null;
		for (Map.Entry<String, String> entry : original.entrySet()) {
			String value = entry.getValue();
			if (isTraceContext(entry.getKey(), value)) {
				continue;
			}
			String clean = redact(value);
			if (clean != value) {
				if (redacted == null) {
					redacted = new HashMap<>(original);
				}
				redacted.put(entry.getKey(), clean);
			}
		}
		return (redacted != null) ? Map.copyOf(redacted) : original;
	}

	/**
	 * Whether an MDC entry is a trace or span id as tracing writes it: 16 or 32
	 * lower-case hex digits hold no secret, and are kept exactly for correlation.
	 */
	private static boolean isTraceContext(String key, @Nullable String value) {
		if (value == null || (value.length() != 32 && value.length() != 16) || !TRACE_CONTEXT_KEYS.contains(key)) {
			return false;
		}
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if ((c < '0' || c > '9') && (c < 'a' || c > 'f')) {
				return false;
			}
		}
		return true;
	}

	@Override
	public Map<String, String> getMdc() {
		return getMDCPropertyMap();
	}

	@Override
	public @Nullable List<KeyValuePair> getKeyValuePairs() {
		return parts().keyValuePairs();
	}

	@Override
	public @Nullable IThrowableProxy getThrowableProxy() {
		return parts().throwable();
	}

	/** Key-value pairs and exception, rarer than message and MDC, redacted together. */
	private Parts parts() {
		Parts parts = this.parts;
		if (parts == null) {
			IThrowableProxy throwable = this.event.getThrowableProxy();
			parts = new Parts(redactedPairs(this.event.getKeyValuePairs()),
					(throwable != null) ? RedactedThrowableProxy.of(throwable, this::redact) : null);
			this.parts = parts;
		}
		return parts;
	}

	private @Nullable List<KeyValuePair> redactedPairs(@Nullable List<KeyValuePair> pairs) {
		if (pairs == null || pairs.isEmpty()) {
			return pairs;
		}
		List<KeyValuePair> redacted = null;
		for (int i = 0; i < pairs.size(); i++) {
			KeyValuePair pair = pairs.get(i);
			Object value = pair.value;
			if (value == null || value instanceof Number || value instanceof Boolean || value instanceof Enum) {
				continue;
			}
			String text = String.valueOf(value);
			String clean = redact(text);
			if (clean != text) {
				if (redacted == null) {
					redacted = new ArrayList<>(pairs);
				}
				redacted.set(i, new KeyValuePair(pair.key, clean));
			}
		}
		return (redacted != null) ? List.copyOf(redacted) : pairs;
	}

	@Override
	public void prepareForDeferredProcessing() {
		// The original captures its thread name and MDC; the redacted parts are computed
		// now, on the caller's thread, so that a queue only ever holds redacted text.
		this.event.prepareForDeferredProcessing();
		getFormattedMessage();
		getMDCPropertyMap();
		parts();
	}

	@Override
	public String getThreadName() {
		return this.event.getThreadName();
	}

	@Override
	public Level getLevel() {
		return this.event.getLevel();
	}

	@Override
	public String getLoggerName() {
		return this.event.getLoggerName();
	}

	@Override
	public LoggerContextVO getLoggerContextVO() {
		return this.event.getLoggerContextVO();
	}

	@Override
	public StackTraceElement[] getCallerData() {
		return this.event.getCallerData();
	}

	@Override
	public boolean hasCallerData() {
		return this.event.hasCallerData();
	}

	@Override
	public @Nullable Marker getMarker() {
		return this.event.getMarker();
	}

	@Override
	public @Nullable List<Marker> getMarkerList() {
		return this.event.getMarkerList();
	}

	@Override
	public long getTimeStamp() {
		return this.event.getTimeStamp();
	}

	@Override
	public int getNanoseconds() {
		return this.event.getNanoseconds();
	}

	@Override
	public Instant getInstant() {
		return this.event.getInstant();
	}

	@Override
	public long getContextBirthTime() {
		LoggerContextVO context = this.event.getLoggerContextVO();
		return (this.event instanceof LoggingEvent loggingEvent) ? loggingEvent.getContextBirthTime()
				: (context != null) ? context.getBirthTime() : 0;
	}

	@Override
	public long getSequenceNumber() {
		return this.event.getSequenceNumber();
	}

	@Override
	public String toString() {
		return "[" + getLevel() + "] " + getFormattedMessage();
	}

	private record Parts(@Nullable List<KeyValuePair> keyValuePairs, @Nullable IThrowableProxy throwable) {

	}

}
