package com.pyairtable.observability.health;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/**
 * Health as metrics, so that alerts such as DependencyDown work from the service's own
 * view: {@code health_check_up{check}} for every dependency and state check and
 * {@code health_check_latency_seconds{check}} for every dependency check. The gauges read
 * the last results; they never call a dependency.
 */
public final class HealthCheckMeterBinder implements MeterBinder {

	private final List<DependencyCheck> dependencyChecks;

	private final Supplier<List<StateHealthCheck>> stateChecks;

	/**
	 * Create the binder.
	 * @param dependencyChecks the dependency checks
	 * @param stateChecks the state checks, read when the binder is bound
	 */
	public HealthCheckMeterBinder(List<DependencyCheck> dependencyChecks,
			Supplier<List<StateHealthCheck>> stateChecks) {
		this.dependencyChecks = List.copyOf(dependencyChecks);
		this.stateChecks = stateChecks;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		for (DependencyCheck check : this.dependencyChecks) {
			Gauge.builder(HealthCheckMetricNames.UP, check, (c) -> c.isUp() ? 1 : 0)
				.tag(HealthCheckMetricNames.CHECK_TAG, check.getName())
				.description("Whether the last check of the dependency succeeded (1) or not (0)")
				.register(registry);
			Gauge.builder(HealthCheckMetricNames.LATENCY, check, HealthCheckMeterBinder::latencySeconds)
				.tag(HealthCheckMetricNames.CHECK_TAG, check.getName())
				.description("Latency of the last check of the dependency")
				.baseUnit("seconds")
				.register(registry);
		}
		for (StateHealthCheck check : this.stateChecks.get()) {
			Gauge.builder(HealthCheckMetricNames.UP, check, HealthCheckMeterBinder::up)
				.tag(HealthCheckMetricNames.CHECK_TAG, check.name())
				.description("Whether the check is up (1) or not (0)")
				.register(registry);
		}
	}

	private static double latencySeconds(DependencyCheck check) {
		Duration latency = check.getLastLatency();
		return (latency != null) ? latency.toNanos() / 1e9 : Double.NaN;
	}

	private static double up(StateHealthCheck check) {
		try {
			Health health = check.check();
			return Status.UP.equals(health.getStatus()) ? 1 : 0;
		}
		catch (RuntimeException ex) {
			return 0;
		}
	}

}
