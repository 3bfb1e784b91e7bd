package com.pyairtable.observability.autoconfigure.logging;

import com.pyairtable.observability.autoconfigure.core.ObservabilityProperties;
import com.pyairtable.observability.logging.TextLogRedaction;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;

/**
 * Right after Spring Boot has configured Logback, makes its text appenders redact secrets
 * (see {@link TextLogRedaction}). Registered in {@code spring.factories}: it must run
 * before any bean, so before the first line a bean could log.
 */
public class TextLogRedactionApplicationListener
		implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

	private static final boolean LOGBACK_PRESENT = ClassUtils.isPresent("ch.qos.logback.classic.LoggerContext",
			TextLogRedactionApplicationListener.class.getClassLoader());

	@Override
	public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
		Environment environment = event.getEnvironment();
		if (LOGBACK_PRESENT && enabled(environment, ObservabilityProperties.PREFIX + ".enabled")
				&& enabled(environment, ObservabilityProperties.PREFIX + ".logging.enabled")
				&& enabled(environment, ObservabilityProperties.PREFIX + ".logging.redaction.enabled")) {
			TextLogRedaction.install(environment);
		}
	}

	private static boolean enabled(Environment environment, String key) {
		return environment.getProperty(key, Boolean.class, true);
	}

	@Override
	public int getOrder() {
		return LoggingApplicationListener.DEFAULT_ORDER + 1;
	}

}
