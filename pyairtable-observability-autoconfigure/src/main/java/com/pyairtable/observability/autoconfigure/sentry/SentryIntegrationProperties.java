package com.pyairtable.observability.autoconfigure.sentry;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The decoration of Sentry error events.
 */
@ConfigurationProperties(SentryIntegrationProperties.PREFIX)
public class SentryIntegrationProperties {

	/** Prefix of the Sentry integration properties. */
	public static final String PREFIX = "pyairtable.observability.sentry";

	/**
	 * Whether Sentry error events carry the trace id, request id and service identity and
	 * are redacted (when the application uses Sentry and sets sentry.dsn).
	 */
	private boolean enabled = true;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

}
