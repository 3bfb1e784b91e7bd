package com.pyairtable.observability.health;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthContributors;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The {@link StateHealthCheck}s as one composite contributor, {@code runtime/<name>}.
 */
public final class StateHealthChecksContributor implements CompositeHealthContributor {

	/** Name of the composite contributor in {@code /actuator/health}. */
	public static final String CONTRIBUTOR_NAME = "runtime";

	private final Supplier<List<StateHealthCheck>> checks;

	private volatile @Nullable Map<String, HealthIndicator> indicators;

	/**
	 * Create the contributor.
	 * @param checks the checks, read on first use so that checks defined by any
	 * configuration are seen
	 */
	public StateHealthChecksContributor(Supplier<List<StateHealthCheck>> checks) {
		this.checks = checks;
	}

	private Map<String, HealthIndicator> indicators() {
		Map<String, HealthIndicator> indicators = this.indicators;
		if (indicators == null) {
			Map<String, HealthIndicator> created = new LinkedHashMap<>();
			this.checks.get().forEach((check) -> created.put(check.name(), new Indicator(check)));
			indicators = Map.copyOf(created);
			this.indicators = indicators;
		}
		return indicators;
	}

	@Override
	public @Nullable HealthContributor getContributor(String name) {
		return indicators().get(name);
	}

	@Override
	public Stream<HealthContributors.Entry> stream() {
		return indicators().entrySet()
			.stream()
			.map((entry) -> new HealthContributors.Entry(entry.getKey(), entry.getValue()));
	}

	private record Indicator(StateHealthCheck check) implements HealthIndicator {

		@Override
		public Health health() {
			return this.check.check();
		}

	}

}
