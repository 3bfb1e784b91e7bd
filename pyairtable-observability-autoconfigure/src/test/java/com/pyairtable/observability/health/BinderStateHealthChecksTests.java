package com.pyairtable.observability.health;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;

import com.pyairtable.observability.airtable.AirtableMetrics;
import com.pyairtable.observability.airtable.AirtableRequest;
import com.pyairtable.observability.cardinality.CardinalityGuard;
import com.pyairtable.observability.saga.SagaExecution;
import com.pyairtable.observability.saga.SagaMetrics;
import com.pyairtable.observability.saga.SagaRegistry;
import com.pyairtable.observability.saga.SagaRunner;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The health checks that read the binders' own state: Airtable 429 runs and stuck sagas.
 */
class BinderStateHealthChecksTests {

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

	@Test
	void sagasRunningPastTheThresholdAreDegradedWithTheirIds() throws Exception {
		MutableClock clock = new MutableClock();
		SagaRegistry registry = new SagaRegistry(clock);
		CardinalityGuard guard = new CardinalityGuard(100, 64);
		SagaMetrics sagaMetrics = new SagaMetrics(guard);
		sagaMetrics.bindTo(new SimpleMeterRegistry());
		SagaRunner runner = new SagaRunner(ObservationRegistry.create(), sagaMetrics, registry, guard);
		StuckSagasHealthCheck check = new StuckSagasHealthCheck(registry, Duration.ofMinutes(5));
		SagaExecution stuck = runner.begin("record-import");
		clock.advance(Duration.ofMinutes(3));
		SagaExecution fresh = runner.begin("record-import");
		assertThat(check.check().getStatus()).isEqualTo(Status.UP);
		clock.advance(Duration.ofMinutes(3));
		Health health = check.check();
		assertThat(health.getStatus()).isEqualTo(HealthStatuses.DEGRADED);
		assertThat(health.getDetails()).containsEntry("running", 2).containsEntry("stuck", 1);
		@SuppressWarnings("unchecked")
		Map<String, String> listed = (Map<String, String>) health.getDetails().get("stuckSagas");
		assertThat(listed).containsOnlyKeys(stuck.id());
		stuck.complete();
		fresh.complete();
		assertThat(check.check().getStatus()).isEqualTo(Status.UP);
	}

	static final class MutableClock extends Clock {

		private Instant now = Instant.parse("2026-01-01T00:00:00Z");

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
