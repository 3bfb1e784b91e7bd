package com.pyairtable.observability.autoconfigure.logging;

import java.util.Map;

import com.pyairtable.observability.logging.PlatformJsonLogFormatter;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.ClassUtils;

/**
 * Selects the platform's JSON console format on Spring Boot's structured logging
 * ({@code logging.structured.format.console}) at the lowest precedence when
 * {@code pyairtable.observability.logging.format} is {@code json}, or unset outside the
 * {@code development} environment. A user's own {@code logging.structured.format.console}
 * wins.
 */
public class LoggingFormatEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	/** Name of the property source holding the format. */
	public static final String PROPERTY_SOURCE_NAME = "pyairtableObservabilityLogging";

	static final String CONSOLE_FORMAT = "logging.structured.format.console";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (!environment.getProperty("pyairtable.observability.enabled", Boolean.class, true)
				|| !environment.getProperty(ObservabilityLoggingProperties.PREFIX + ".enabled", Boolean.class, true)
				|| !ClassUtils.isPresent("ch.qos.logback.classic.spi.ILoggingEvent", getClass().getClassLoader())) {
			return;
		}
		if (isJson(environment)) {
			environment.getPropertySources()
				.addLast(new MapPropertySource(PROPERTY_SOURCE_NAME,
						Map.of(CONSOLE_FORMAT, PlatformJsonLogFormatter.class.getName())));
		}
	}

	static boolean isJson(ConfigurableEnvironment environment) {
		String format;
		try {
			format = ObservabilityLoggingProperties
				.normalizeFormat(environment.getProperty(ObservabilityLoggingProperties.PREFIX + ".format"));
		}
		catch (IllegalArgumentException ex) {
			// Left for the properties binding to reject with its message.
			return false;
		}
		if (format != null) {
			return format.equals("json");
		}
		String serviceEnvironment = environment.getProperty("pyairtable.observability.service.environment",
				"development");
		return !serviceEnvironment.trim().equalsIgnoreCase("development");
	}

	@Override
	public int getOrder() {
		// After config data and the platform's environment variables.
		return Ordered.LOWEST_PRECEDENCE;
	}

}
