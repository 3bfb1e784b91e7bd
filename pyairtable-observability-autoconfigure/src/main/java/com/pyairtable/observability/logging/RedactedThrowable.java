package com.pyairtable.observability.logging;

import java.io.Serial;
import java.util.Map;

import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import org.jspecify.annotations.Nullable;

/**
 * A copy of an exception holding only redacted text, for the code that needs a
 * {@link Throwable} rather than Logback's proxy (Spring Boot's stack-trace printers,
 * OpenTelemetry's and Sentry's appenders): its {@code toString()} names the original
 * class with the redacted message, its frames, causes and suppressed exceptions are the
 * original's.
 */
final class RedactedThrowable extends Throwable {

	@Serial
	private static final long serialVersionUID = 1L;

	private final String text;

	RedactedThrowable(String className, @Nullable String message, @Nullable String overridingMessage) {
		this(className, message, overridingMessage, new StackTraceElement[0]);
	}

	private RedactedThrowable(String className, @Nullable String message, @Nullable String overridingMessage,
			StackTraceElement[] frames) {
		// No cause given: it is set once (initCause), after the copy exists, since a
		// cycle may
		// point back to it.
		super(message);
		this.text = (overridingMessage != null) ? overridingMessage
				: (message != null) ? className + ": " + message : className;
		// Set rather than overridden: printStackTrace() reads the field, not the getter.
		setStackTrace(frames);
	}

	/**
	 * The copy of a redacted exception, causes and suppressed ones included.
	 * @param proxy the redacted exception
	 * @param seen copies already made, for cycles
	 * @return the copy
	 */
	static Throwable of(IThrowableProxy proxy, Map<IThrowableProxy, Throwable> seen) {
		Throwable known = seen.get(proxy);
		if (known != null) {
			return known;
		}
		StackTraceElementProxy[] steps = proxy.getStackTraceElementProxyArray();
		StackTraceElement[] frames = new StackTraceElement[(steps != null) ? steps.length : 0];
		for (int i = 0; i < frames.length; i++) {
			frames[i] = steps[i].getStackTraceElement();
		}
		RedactedThrowable copy = new RedactedThrowable(proxy.getClassName(), proxy.getMessage(),
				proxy.getOverridingMessage(), frames);
		seen.put(proxy, copy);
		if (proxy.getCause() != null) {
			Throwable cause = of(proxy.getCause(), seen);
			// A Throwable cannot be its own cause (for the JDK, getCause() is then null).
			if (cause != copy) {
				copy.initCause(cause);
			}
		}
		for (IThrowableProxy suppressed : proxy.getSuppressed()) {
			copy.addSuppressed(of(suppressed, seen));
		}
		return copy;
	}

	@Override
	public synchronized Throwable fillInStackTrace() {
		// The frames are the original's: walking this thread's stack would cost for
		// nothing.
		return this;
	}

	@Override
	public String toString() {
		return this.text;
	}

}
