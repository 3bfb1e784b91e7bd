package com.pyairtable.observability.logging;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggerContextListener;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.spi.ConfigurationEvent;
import ch.qos.logback.core.spi.ConfigurationEventListener;
import org.jspecify.annotations.Nullable;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

import org.springframework.core.env.Environment;

/**
 * Redacts every log event before any appender sees it, whatever the Logback setup: each
 * appender attached to any logger (root or not, an {@code AsyncAppender}, a file, socket
 * or syslog appender, one declared in the application's own {@code logback-spring.xml})
 * is replaced on its logger by a {@link RedactingAppender} that hands it the redacted
 * event, so encoders, layouts and Spring Boot's structured formats ({@code ecs},
 * {@code logstash}, {@code gelf}, the platform's JSON) only ever see redacted text.
 * Re-applied whenever Logback is configured again: a scan reload, a programmatic reset
 * and restart, Spring Boot initialising logging again.
 */
public final class TextLogRedaction {

	/**
	 * The OpenTelemetry appender the starter attaches; its records are redacted on
	 * export.
	 */
	private static final String PLATFORM_OTLP_APPENDER = "PYAIRTABLE_OTLP";

	/**
	 * One coverage per Logback context, found again across Spring Boot's
	 * re-initialisations (which drop Logback's context listeners but keep its
	 * configuration listeners).
	 */
	private static final Map<LoggerContext, Coverage> COVERAGES = Collections.synchronizedMap(new WeakHashMap<>());

	private TextLogRedaction() {
	}

	/**
	 * Redacts the events of the logging system SLF4J is bound to, when it is Logback;
	 * otherwise logs one warning that logs are not redacted.
	 * @param environment the environment holding extra redaction patterns
	 * @return how many appenders were newly covered
	 */
	public static int install(Environment environment) {
		ILoggerFactory factory = LoggerFactory.getILoggerFactory();
		if (!(factory instanceof LoggerContext context)) {
			LoggerFactory.getLogger(TextLogRedaction.class)
				.warn("Log redaction covers Logback only: the log events of {} are not redacted",
						factory.getClass().getName());
			return 0;
		}
		return install(context, PlatformJsonLogFormatter.redactor(environment));
	}

	/**
	 * Redacts the events of a Logback context, now and after every reconfiguration.
	 * @param context the context
	 * @param redactor the redactor, replacing the one of an earlier installation
	 * @return how many appenders were newly covered
	 */
	public static int install(LoggerContext context, SecretRedactor redactor) {
		Coverage coverage = COVERAGES.computeIfAbsent(context, (key) -> {
			Coverage created = new Coverage(key);
			key.addConfigurationEventListener(created);
			return created;
		});
		coverage.redactor = redactor;
		if (!context.getCopyOfListenerList().contains(coverage)) {
			context.addListener(coverage);
		}
		return coverage.cover();
	}

	/**
	 * Covers the appenders attached since the installation in the Logback context SLF4J
	 * is bound to, if redaction is installed there.
	 * @return how many appenders were newly covered
	 */
	public static int refresh() {
		Coverage coverage = (LoggerFactory.getILoggerFactory() instanceof LoggerContext context)
				? COVERAGES.get(context) : null;
		return (coverage != null) ? coverage.cover() : 0;
	}

	/**
	 * Stops redacting the events of a Logback context: its appenders are attached again
	 * as they were, and reconfigurations are no longer followed.
	 * @param context the context
	 */
	public static void uninstall(LoggerContext context) {
		Coverage coverage = COVERAGES.remove(context);
		if (coverage != null) {
			context.removeConfigurationEventListener(coverage);
			context.removeListener(coverage);
			coverage.uncover();
		}
	}

	/**
	 * Stops redacting the events of the Logback context SLF4J is bound to, if any.
	 */
	public static void uninstall() {
		if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
			uninstall(context);
		}
	}

	/**
	 * Whether an appender receives redacted events only.
	 * @param appender the appender
	 * @return whether it is a {@link RedactingAppender} or one left alone on purpose
	 */
	static boolean covered(Appender<ILoggingEvent> appender) {
		return appender instanceof RedactingAppender || redactedElsewhere(appender);
	}

	/**
	 * The starter's own OpenTelemetry appender: its records are redacted by the exporter.
	 */
	private static boolean redactedElsewhere(Appender<ILoggingEvent> appender) {
		return PLATFORM_OTLP_APPENDER.equals(appender.getName())
				&& appender.getClass().getName().startsWith("io.opentelemetry.instrumentation.logback.");
	}

	/** Keeps the appenders of one context covered. */
	private static final class Coverage implements LoggerContextListener, ConfigurationEventListener {

		/** Weak: the coverage is the value of a weak map keyed by this context. */
		private final WeakReference<LoggerContext> context;

		volatile SecretRedactor redactor = SecretRedactor.withDefaults();

		Coverage(LoggerContext context) {
			this.context = new WeakReference<>(context);
		}

		synchronized int cover() {
			LoggerContext context = this.context.get();
			if (context == null) {
				return 0;
			}
			Map<Appender<ILoggingEvent>, RedactingAppender> wrappers = new IdentityHashMap<>();
			int covered = 0;
			for (Logger logger : context.getLoggerList()) {
				for (Appender<ILoggingEvent> appender : appenders(logger)) {
					if (covered(appender)) {
						continue;
					}
					try {
						RedactingAppender wrapper = wrappers.get(appender);
						if (wrapper == null) {
							wrapper = new RedactingAppender(appender, () -> this.redactor);
							wrapper.start();
							wrappers.put(appender, wrapper);
							covered++;
						}
						// Detached first: a moment without the appender loses a line, a
						// moment
						// with both would write it unredacted.
						logger.detachAppender(appender);
						logger.addAppender(wrapper);
					}
					catch (RuntimeException ex) {
						LoggerFactory.getLogger(TextLogRedaction.class)
							.warn("Log events reaching appender '{}' ({}) of logger '{}' are not redacted: {}",
									appender.getName(), appender.getClass().getName(), logger.getName(), ex.toString());
					}
				}
			}
			return covered;
		}

		synchronized void uncover() {
			LoggerContext context = this.context.get();
			if (context == null) {
				return;
			}
			for (Logger logger : context.getLoggerList()) {
				for (Appender<ILoggingEvent> appender : appenders(logger)) {
					if (appender instanceof RedactingAppender wrapper) {
						logger.detachAppender(wrapper);
						logger.addAppender(wrapper.getDelegate());
					}
				}
			}
		}

		private static List<Appender<ILoggingEvent>> appenders(Logger logger) {
			List<Appender<ILoggingEvent>> appenders = new ArrayList<>();
			for (Iterator<Appender<ILoggingEvent>> it = logger.iteratorForAppenders(); it.hasNext();) {
				appenders.add(it.next());
			}
			return appenders;
		}

		@Override
		public void listen(ConfigurationEvent event) {
			// After a scan reload or any Joran configuration (Spring Boot's included).
			if (event.getEventType() == ConfigurationEvent.EventType.CONFIGURATION_ENDED_SUCCESSFULLY
					|| event.getEventType() == ConfigurationEvent.EventType.PARTIAL_CONFIGURATION_ENDED_SUCCESSFULLY) {
				cover();
			}
		}

		@Override
		public void onStart(LoggerContext context) {
			// After a programmatic configuration (Spring Boot's defaults) and restart.
			cover();
		}

		@Override
		public boolean isResetResistant() {
			return true;
		}

		@Override
		public void onReset(LoggerContext context) {
		}

		@Override
		public void onStop(LoggerContext context) {
		}

		@Override
		public void onLevelChange(Logger logger, @Nullable Level level) {
		}

	}

}
