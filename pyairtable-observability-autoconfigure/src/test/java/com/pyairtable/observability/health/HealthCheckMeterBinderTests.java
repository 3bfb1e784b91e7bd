package com.pyairtable.observability.health;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Health;

import static org.assertj.core.api.Assertions.assertThat;

class HealthCheckMeterBinderTests {

	@Test
	void exposesUpAndLatencyOfEachCheck() {
		DependencyCheck up = new DependencyCheck("airtable", "http", "x", true, Duration.ofSeconds(1), () -> {
		}, List.of(), Clock.systemUTC());
		DependencyCheck down = new DependencyCheck("postgres", "tcp", "x", true, Duration.ofSeconds(1), () -> {
			throw new java.io.IOException("refused");
		}, List.of(), Clock.systemUTC());
		StateHealthCheck degraded = new StateHealthCheck() {

			@Override
			public String name() {
				return "circuitBreakers";
			}

			@Override
			public Health check() {
				return Health.status(HealthStatuses.DEGRADED).build();
			}

		};
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		new HealthCheckMeterBinder(List.of(up, down), () -> List.of(degraded)).bindTo(registry);
		assertThat(registry.get("health.check.up").tag("check", "airtable").gauge().value()).isZero();
		assertThat(registry.get("health.check.latency").tag("check", "airtable").gauge().value()).isNaN();
		up.run();
		down.run();
		assertThat(registry.get("health.check.up").tag("check", "airtable").gauge().value()).isEqualTo(1);
		assertThat(registry.get("health.check.up").tag("check", "postgres").gauge().value()).isZero();
		assertThat(registry.get("health.check.latency").tag("check", "airtable").gauge().value()).isNotNaN()
			.isGreaterThanOrEqualTo(0);
		assertThat(registry.get("health.check.latency").tag("check", "airtable").gauge().getId().getBaseUnit())
			.isEqualTo("seconds");
		assertThat(registry.get("health.check.up").tag("check", "circuitBreakers").gauge().value()).isZero();
	}

}
