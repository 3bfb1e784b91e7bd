package com.pyairtable.observability.saga;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.pyairtable.observability.health.HealthStatuses;
import com.pyairtable.observability.health.StateHealthCheck;

import org.springframework.boot.health.contributor.Health;

/**
 * Sagas running longer than a threshold make the service DEGRADED, with their ids in the
 * details so that an operator can find them in traces and logs.
 */
public final class StuckSagasHealthCheck implements StateHealthCheck {

	/** Name of the check. */
	public static final String NAME = "sagas";

	/** At most this many stuck sagas are listed in the details. */
	static final int MAX_LISTED = 20;

	private final SagaRegistry registry;

	private final Duration stuckAfter;

	/**
	 * Create the check.
	 * @param registry the running sagas
	 * @param stuckAfter how long a saga may run before it counts as stuck
	 */
	public StuckSagasHealthCheck(SagaRegistry registry, Duration stuckAfter) {
		this.registry = registry;
		this.stuckAfter = stuckAfter;
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public Health check() {
		List<RunningSaga> stuck = this.registry.runningLongerThan(this.stuckAfter);
		Health.Builder builder = stuck.isEmpty() ? Health.up() : Health.status(HealthStatuses.DEGRADED);
		builder.withDetail("running", this.registry.running().size())
			.withDetail("stuckAfter", this.stuckAfter.toString())
			.withDetail("stuck", stuck.size());
		if (!stuck.isEmpty()) {
			Map<String, String> listed = new LinkedHashMap<>();
			stuck.stream()
				.limit(MAX_LISTED)
				.forEach((saga) -> listed.put(saga.id(), saga.name() + " since " + saga.startedAt()));
			builder.withDetail("stuckSagas", listed);
		}
		return builder.build();
	}

}
