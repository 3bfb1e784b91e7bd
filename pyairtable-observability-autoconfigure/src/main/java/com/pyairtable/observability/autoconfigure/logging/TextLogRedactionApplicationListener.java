package com.pyairtable.observability.autoconfigure.logging;

import com.pyairtable.observability.autoconfigure.core.ObservabilityFeatures;
import com.pyairtable.observability.logging.TextLogRedaction;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.event.SpringApplicationEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;

/**
 * Right after Spring Boot has configured Logback, makes every appender receive redacted
 * log events (see {@link TextLogRedaction}), and once more when the application is ready,
 * for appenders that beans attached meanwhile. Registered in {@code spring.factories}: it
 * must run before any bean, so before the first line a bean could log.
 */
public class TextLogRedactionApplicationListener implements ApplicationListener<SpringApplicationEvent>, Ordered {

	private static final boolean LOGBACK_PRESENT = ClassUtils.isPresent("ch.qos.logback.classic.LoggerContext",
			TextLogRedactionApplicationListener.class.getClassLoader());

	@Override
	public void onApplicationEvent(SpringApplicationEvent event) {
		Environment environment;
		if (event instanceof ApplicationEnvironmentPreparedEvent prepared) {
			environment = prepared.getEnvironment();
		}
		else if (event instanceof ApplicationReadyEvent ready) {
			environment = ready.getApplicationContext().getEnvironment();
		}
		else {
			return;
		}
		boolean enabled = ObservabilityFeatures.isEnabled(environment, "logging")
				&& ObservabilityFeatures.isEnabled(environment, "logging.redaction");
		if (!LOGBACK_PRESENT) {
			if (enabled && event instanceof ApplicationEnvironmentPreparedEvent) {
				LogFactory.getLog("com.pyairtable.observability.logging.TextLogRedaction")
					.warn("Log redaction covers Logback only: the log events of this application are not redacted");
			}
			return;
		}
		if (enabled && event instanceof ApplicationReadyEvent) {
			TextLogRedaction.refresh();
		}
		else if (enabled) {
			TextLogRedaction.install(environment);
		}
		else {
			// An earlier application of this JVM may have installed it.
			TextLogRedaction.uninstall();
		}
	}

	@Override
	public int getOrder() {
		return LoggingApplicationListener.DEFAULT_ORDER + 1;
	}

}
