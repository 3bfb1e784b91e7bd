package com.pyairtable.observability.saga;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;

import com.pyairtable.observability.cardinality.CardinalityGuard;
import com.pyairtable.observability.health.HealthStatuses;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SAGA health check reads the registry of running sagas: stuck ones are listed.
 */
class StuckSagasHealthCheckTests {

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
