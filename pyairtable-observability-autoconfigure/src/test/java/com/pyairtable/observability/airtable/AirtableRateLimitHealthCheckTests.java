package com.pyairtable.observability.airtable;

import java.net.URI;
import java.time.Duration;

import com.pyairtable.observability.cardinality.CardinalityGuard;
import com.pyairtable.observability.health.HealthStatuses;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Airtable health check reads the binder's own state: a run of 429s within a window.
 */
class AirtableRateLimitHealthCheckTests {

	private static final String API = "https://api.airtable.com";

	@Test
	void aRunOf429sWithinTheWindowIsDegradedAndFewerAreUp() {
		CardinalityGuard guard = new CardinalityGuard(100, 64);
		AirtableMetrics metrics = new AirtableMetrics(guard, null, 0);
		metrics.bindTo(new SimpleMeterRegistry());
		AirtableRateLimitHealthCheck check = new AirtableRateLimitHealthCheck(metrics, 3, Duration.ofMinutes(1));
		AirtableRequest request = AirtableRequest.parse(API, "GET", URI.create(API + "/v0/appA/Table"));
		metrics.recordCall(request, 429, Duration.ofMillis(5));
		metrics.recordCall(request, 200, Duration.ofMillis(5));
		metrics.recordCall(request, 429, Duration.ofMillis(5));
		assertThat(check.check().getStatus()).isEqualTo(Status.UP);
		metrics.recordCall(request, 429, Duration.ofMillis(5));
		Health health = check.check();
		assertThat(health.getStatus()).isEqualTo(HealthStatuses.DEGRADED);
		assertThat(health.getDetails()).containsEntry("rateLimitHits", 3).containsEntry("threshold", 3);
		assertThat(check.critical()).isFalse();
	}

	@Test
	void old429sFallOutOfTheWindow() throws InterruptedException {
		AirtableMetrics metrics = new AirtableMetrics(new CardinalityGuard(100, 64), null, 0);
		metrics.bindTo(new SimpleMeterRegistry());
		AirtableRequest request = AirtableRequest.parse(API, "GET", URI.create(API + "/v0/appA/Table"));
		metrics.recordCall(request, 429, Duration.ofMillis(5));
		assertThat(metrics.rateLimitHitsWithin(Duration.ofMinutes(1))).isEqualTo(1);
		assertThat(metrics.rateLimitHitsWithin(Duration.ZERO)).isZero();
	}

}
