package com.pyairtable.observability.airtable;

import java.time.Duration;

import com.pyairtable.observability.health.HealthStatuses;
import com.pyairtable.observability.health.StateHealthCheck;

import org.springframework.boot.health.contributor.Health;

/**
 * Airtable rate limiting seen from this service: a run of 429 answers within a window
 * makes the service DEGRADED (still ready: Airtable recovers on its own within seconds).
 */
public final class AirtableRateLimitHealthCheck implements StateHealthCheck {

	/** Name of the check. */
	public static final String NAME = "airtableRateLimit";

	private final AirtableMetrics metrics;

	private final int threshold;

	private final Duration window;

	/**
	 * Create the check.
	 * @param metrics the Airtable metrics that see every 429
	 * @param threshold how many 429s within the window make the service DEGRADED
	 * @param window the window
	 */
	public AirtableRateLimitHealthCheck(AirtableMetrics metrics, int threshold, Duration window) {
		this.metrics = metrics;
		this.threshold = threshold;
		this.window = window;
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public Health check() {
		int hits = this.metrics.rateLimitHitsWithin(this.window);
		Health.Builder builder = (hits >= this.threshold) ? Health.status(HealthStatuses.DEGRADED) : Health.up();
		return builder.withDetail("rateLimitHits", hits)
			.withDetail("window", this.window.toString())
			.withDetail("threshold", this.threshold)
			.build();
	}

}
