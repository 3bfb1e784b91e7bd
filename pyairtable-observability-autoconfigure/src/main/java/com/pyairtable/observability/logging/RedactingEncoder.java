package com.pyairtable.observability.logging;

import java.nio.charset.StandardCharsets;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.EncoderBase;

/**
 * Passes every line another encoder writes through the {@link SecretRedactor}: message,
 * MDC values and stack traces alike, whatever the pattern. A line with no trigger of any
 * secret pattern costs one scan and no regular expression.
 */
public final class RedactingEncoder extends EncoderBase<ILoggingEvent> {

	private final Encoder<ILoggingEvent> delegate;

	private final SecretRedactor redactor;

	/**
	 * Wraps an encoder.
	 * @param delegate the encoder whose output is redacted
	 * @param redactor the redactor
	 */
	public RedactingEncoder(Encoder<ILoggingEvent> delegate, SecretRedactor redactor) {
		this.delegate = delegate;
		this.redactor = redactor;
	}

	Encoder<ILoggingEvent> delegate() {
		return this.delegate;
	}

	@Override
	public byte[] headerBytes() {
		return this.delegate.headerBytes();
	}

	@Override
	public byte[] encode(ILoggingEvent event) {
		byte[] line = this.delegate.encode(event);
		if (line == null || line.length == 0) {
			return line;
		}
		String text = new String(line, StandardCharsets.UTF_8);
		String redacted = this.redactor.redact(text);
		return (redacted == null || redacted.equals(text)) ? line : redacted.getBytes(StandardCharsets.UTF_8);
	}

	@Override
	public byte[] footerBytes() {
		return this.delegate.footerBytes();
	}

}
