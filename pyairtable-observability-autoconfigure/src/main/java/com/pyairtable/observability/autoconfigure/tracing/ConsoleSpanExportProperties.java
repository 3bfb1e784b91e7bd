package com.pyairtable.observability.autoconfigure.tracing;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Debug export of spans to the application's log.
 */
@ConfigurationProperties(ConsoleSpanExportProperties.PREFIX)
public class ConsoleSpanExportProperties {

	/** Prefix of the console export properties. */
	public static final String PREFIX = "pyairtable.observability.tracing.console-export";

	/** The platform's environment variable standing for {@code enabled}. */
	public static final String VARIABLE = "OTEL_CONSOLE_EXPORT";

	/**
	 * Whether every exported span is also written to the log, redacted like the OTLP
	 * export (for debugging; the OTEL_CONSOLE_EXPORT variable stands for it).
	 */
	private boolean enabled;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

}
