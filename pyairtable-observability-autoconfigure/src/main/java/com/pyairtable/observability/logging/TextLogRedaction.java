package com.pyairtable.observability.logging;

import java.util.Iterator;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

import org.springframework.core.env.Environment;

/**
 * Redacts Logback's text output: the JSON lines of {@link PlatformJsonLogFormatter} are
 * redacted field by field, plain text (the default in development) is redacted here, line
 * by line, by wrapping the encoder of every appender that writes text.
 */
public final class TextLogRedaction {

	private static final String STRUCTURED_ENCODER = "org.springframework.boot.logging.logback.StructuredLogEncoder";

	private TextLogRedaction() {
	}

	/**
	 * Wraps the encoders of the root logger's appenders, once each.
	 * @param environment the environment holding extra redaction patterns
	 * @return how many appenders now redact
	 */
	public static int install(Environment environment) {
		ILoggerFactory factory = LoggerFactory.getILoggerFactory();
		if (!(factory instanceof LoggerContext context)) {
			return 0;
		}
		SecretRedactor redactor = PlatformJsonLogFormatter.redactor(environment);
		int wrapped = 0;
		Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
		for (Iterator<Appender<ILoggingEvent>> it = root.iteratorForAppenders(); it.hasNext();) {
			if (it.next() instanceof OutputStreamAppender<ILoggingEvent> appender && wrap(appender, redactor)) {
				wrapped++;
			}
		}
		return wrapped;
	}

	private static boolean wrap(OutputStreamAppender<ILoggingEvent> appender, SecretRedactor redactor) {
		Encoder<ILoggingEvent> encoder = appender.getEncoder();
		if (encoder == null || encoder instanceof RedactingEncoder
				|| encoder.getClass().getName().equals(STRUCTURED_ENCODER)) {
			return false;
		}
		RedactingEncoder redacting = new RedactingEncoder(encoder, redactor);
		redacting.setContext(encoder.getContext());
		redacting.start();
		appender.setEncoder(redacting);
		return true;
	}

}
