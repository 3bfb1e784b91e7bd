package com.pyairtable.observability.logging;

import java.util.function.Supplier;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import ch.qos.logback.core.spi.FilterReply;

/**
 * Stands in for an appender attached to a logger and hands it the redacted view of every
 * event (see {@link RedactedLoggingEvent}), so that whatever the appender does with it
 * (encoders, layouts, Spring Boot's structured formats, an {@code AsyncAppender}'s queue,
 * a socket) only ever sees redacted text. It carries the appender's name; stopping it
 * stops the appender, as the logger would have.
 */
public final class RedactingAppender extends UnsynchronizedAppenderBase<ILoggingEvent> {

	private final Appender<ILoggingEvent> delegate;

	private final Supplier<SecretRedactor> redactor;

	RedactingAppender(Appender<ILoggingEvent> delegate, Supplier<SecretRedactor> redactor) {
		this.delegate = delegate;
		this.redactor = redactor;
		setName(delegate.getName());
		setContext(delegate.getContext());
	}

	/**
	 * The appender that receives the redacted events.
	 * @return the appender
	 */
	public Appender<ILoggingEvent> getDelegate() {
		return this.delegate;
	}

	/**
	 * Hands the redacted event on. No re-entry guard of its own: the appender it stands
	 * in for has one, and a line costs the guard once, not twice.
	 */
	@Override
	public void doAppend(ILoggingEvent event) {
		if (this.started && getFilterChainDecision(event) != FilterReply.DENY) {
			try {
				append(event);
			}
			catch (RuntimeException ex) {
				// Logging never throws into the application; the line is dropped.
				addError("Appender [" + this.name + "] failed to append", ex);
			}
		}
	}

	@Override
	protected void append(ILoggingEvent event) {
		this.delegate.doAppend(RedactedLoggingEvent.of(event, this.redactor.get()));
	}

	@Override
	public void stop() {
		super.stop();
		this.delegate.stop();
	}

	@Override
	public String toString() {
		return "RedactingAppender[" + this.delegate.getName() + "]";
	}

}
