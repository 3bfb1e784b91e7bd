package com.pyairtable.observability.logging;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.classic.spi.ThrowableProxy;
import org.jspecify.annotations.Nullable;

/**
 * An exception as a redacted log event carries it: class names, frames and packaging data
 * of the original, messages (and the text of an overridden {@code toString()}) redacted,
 * at every level of causes and suppressed exceptions. It is a {@link ThrowableProxy}, as
 * Spring Boot's stack-trace printers and OpenTelemetry's appender require; its
 * {@link #getThrowable() throwable} is the original when no message of the chain held a
 * secret, else a {@link RedactedThrowable} copy carrying the redacted text.
 */
final class RedactedThrowableProxy extends ThrowableProxy {

	private final IThrowableProxy original;

	private final @Nullable String message;

	private final @Nullable String overridingMessage;

	private @Nullable IThrowableProxy cause;

	private IThrowableProxy[] suppressed = new IThrowableProxy[0];

	private volatile @Nullable Throwable throwable;

	private RedactedThrowableProxy(IThrowableProxy original, @Nullable String message,
			@Nullable String overridingMessage) {
		// The base class only gets a frameless shell: everything it reads is overridden.
		super(new RedactedThrowable(original.getClassName(), message, overridingMessage));
		this.original = original;
		this.message = message;
		this.overridingMessage = overridingMessage;
	}

	/**
	 * The redacted copy of an exception.
	 * @param original the exception
	 * @param redactor the text redaction, returning the same instance when nothing
	 * changed
	 * @return the copy
	 */
	static RedactedThrowableProxy of(IThrowableProxy original, UnaryOperator<@Nullable String> redactor) {
		return of(original, redactor, new IdentityHashMap<>());
	}

	private static RedactedThrowableProxy of(IThrowableProxy original, UnaryOperator<@Nullable String> redactor,
			Map<IThrowableProxy, RedactedThrowableProxy> seen) {
		RedactedThrowableProxy known = seen.get(original);
		if (known != null) {
			return known;
		}
		RedactedThrowableProxy proxy = new RedactedThrowableProxy(original, redactor.apply(original.getMessage()),
				redactor.apply(original.getOverridingMessage()));
		seen.put(original, proxy);
		IThrowableProxy cause = original.getCause();
		proxy.cause = (cause != null) ? of(cause, redactor, seen) : null;
		IThrowableProxy[] suppressed = original.getSuppressed();
		if (suppressed != null && suppressed.length > 0) {
			IThrowableProxy[] copies = new IThrowableProxy[suppressed.length];
			for (int i = 0; i < suppressed.length; i++) {
				copies[i] = of(suppressed[i], redactor, seen);
			}
			proxy.suppressed = copies;
		}
		return proxy;
	}

	@Override
	public String getClassName() {
		return this.original.getClassName();
	}

	@Override
	public @Nullable String getMessage() {
		return this.message;
	}

	@Override
	public @Nullable String getOverridingMessage() {
		return this.overridingMessage;
	}

	@Override
	public StackTraceElementProxy[] getStackTraceElementProxyArray() {
		return this.original.getStackTraceElementProxyArray();
	}

	@Override
	public int getCommonFrames() {
		return this.original.getCommonFrames();
	}

	@Override
	public boolean isCyclic() {
		return this.original.isCyclic();
	}

	@Override
	public @Nullable IThrowableProxy getCause() {
		return this.cause;
	}

	@Override
	public IThrowableProxy[] getSuppressed() {
		return this.suppressed;
	}

	@Override
	public void calculatePackagingData() {
		// The frames are the original's, whose packaging data Logback computes.
		if (this.original instanceof ThrowableProxy proxy) {
			proxy.calculatePackagingData();
		}
	}

	@Override
	public Throwable getThrowable() {
		Throwable throwable = this.throwable;
		if (throwable == null) {
			Throwable unchanged = (this.original instanceof ThrowableProxy proxy
					&& unchanged(this, new IdentityHashMap<>())) ? proxy.getThrowable() : null;
			throwable = (unchanged != null) ? unchanged : RedactedThrowable.of(this, new IdentityHashMap<>());
			this.throwable = throwable;
		}
		return throwable;
	}

	/** Whether no text of the chain was changed by the redaction. */
	private static boolean unchanged(IThrowableProxy proxy, Map<IThrowableProxy, Boolean> seen) {
		if (seen.put(proxy, Boolean.TRUE) != null) {
			return true;
		}
		if (proxy instanceof RedactedThrowableProxy redacted && (redacted.message != redacted.original.getMessage()
				|| redacted.overridingMessage != redacted.original.getOverridingMessage())) {
			return false;
		}
		if (proxy.getCause() != null && !unchanged(proxy.getCause(), seen)) {
			return false;
		}
		for (IThrowableProxy suppressed : proxy.getSuppressed()) {
			if (!unchanged(suppressed, seen)) {
				return false;
			}
		}
		return true;
	}

}
