package com.pyairtable.observability.logging.otlp;

import java.util.function.Supplier;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.instrumentation.logback.appender.v1_0.OpenTelemetryAppender;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Attaches OpenTelemetry's Logback appender to the root logger while the application
 * runs, bound to the application's {@link OpenTelemetry} (so to Spring Boot's log record
 * exporters), with the MDC (request, tenant and user ids), key-value pairs, thread and
 * exception captured. Detached again when the application stops.
 */
public class LogbackOtlpAppender implements SmartLifecycle {

	/** Name of the appender on the root logger. */
	public static final String APPENDER_NAME = "PYAIRTABLE_OTLP";

	private final Supplier<@Nullable OpenTelemetry> openTelemetry;

	private volatile @Nullable OpenTelemetryAppender appender;

	/**
	 * Creates the installer.
	 * @param openTelemetry the application's OpenTelemetry, if any
	 */
	public LogbackOtlpAppender(Supplier<@Nullable OpenTelemetry> openTelemetry) {
		this.openTelemetry = openTelemetry;
	}

	@Override
	public void start() {
		OpenTelemetry openTelemetry = this.openTelemetry.get();
		if (openTelemetry == null || !(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
			return;
		}
		OpenTelemetryAppender appender = new OpenTelemetryAppender();
		appender.setName(APPENDER_NAME);
		appender.setContext(context);
		appender.setCaptureMdcAttributes("*");
		appender.setCaptureKeyValuePairAttributes(true);
		appender.setCaptureExperimentalAttributes(true);
		appender.setOpenTelemetry(openTelemetry);
		appender.start();
		context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(appender);
		this.appender = appender;
	}

	@Override
	public void stop() {
		OpenTelemetryAppender appender = this.appender;
		if (appender != null && LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
			context.getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(appender);
			appender.stop();
		}
		this.appender = null;
	}

	@Override
	public boolean isRunning() {
		return this.appender != null;
	}

	@Override
	public int getPhase() {
		// Started early and stopped late, so that shutdown logs are still exported.
		return Integer.MIN_VALUE + 1000;
	}

}
