package com.pyairtable.observability.autoconfigure.airtable;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Airtable rate limiting as health: the check the Airtable feature contributes to
 * {@code runtime/airtableRateLimit}.
 */
@ConfigurationProperties(AirtableHealthProperties.PREFIX)
public class AirtableHealthProperties {

	/** Prefix of the Airtable health properties. */
	public static final String PREFIX = "pyairtable.observability.health.airtable";

	/**
	 * Whether a run of HTTP 429 answers from Airtable makes the service DEGRADED.
	 */
	private boolean enabled = true;

	/**
	 * How many 429 answers within the window make the service DEGRADED (1 to 64).
	 */
	private int rateLimitHits = 3;

	/**
	 * The window the 429 answers are counted in.
	 */
	private Duration window = Duration.ofMinutes(1);

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public int getRateLimitHits() {
		return this.rateLimitHits;
	}

	public void setRateLimitHits(int rateLimitHits) {
		// The binder keeps the last 64 429s, so a larger threshold could never be
		// reached.
		if (rateLimitHits < 1 || rateLimitHits > 64) {
			throw new IllegalArgumentException(
					PREFIX + ".rate-limit-hits was " + rateLimitHits + " but must be between 1 and 64");
		}
		this.rateLimitHits = rateLimitHits;
	}

	public Duration getWindow() {
		return this.window;
	}

	public void setWindow(Duration window) {
		if (window.isNegative() || window.isZero()) {
			throw new IllegalArgumentException(PREFIX + ".window was " + window + " but must be a positive duration");
		}
		this.window = window;
	}

}
