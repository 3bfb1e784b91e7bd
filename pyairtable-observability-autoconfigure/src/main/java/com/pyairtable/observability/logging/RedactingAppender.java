package com.pyairtable.observability.logging;

import java.util.function.Supplier;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.UnsynchronizedAppenderBase;

/**
 * Stands in for an appender attached to a logger and hands it the redacted view of every
 * event (see {@link RedactedLoggingEvent}), so that whatever the appender does with it
 * (encoders, layouts, Spring Boot's structured formats, an {@code AsyncAppender}'s queue,
 * a socket) only ever sees redacted text. It carries the appender's name; stopping it stops
 * the appender, as the logger would have.
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
