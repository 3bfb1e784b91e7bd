package com.pyairtable.observability.health;

import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthContributors;
import org.springframework.boot.health.registry.HealthContributorRegistry;

/**
 * A {@link HealthContributorRegistry} whose contributors are read time-bounded: whatever
 * registers an indicator (auto-configuration, a bean, code at runtime), the health
 * endpoint and its groups see it through {@link TimeBoundHealthContributors}.
 */
public final class TimeBoundHealthContributorRegistry implements HealthContributorRegistry {

	private final HealthContributorRegistry delegate;

	private final TimeBoundHealthContributors contributors;

	/**
	 * Decorate a registry.
	 * @param delegate the registry holding the contributors
	 * @param contributors the wrapper factory
	 */
	public TimeBoundHealthContributorRegistry(HealthContributorRegistry delegate,
			TimeBoundHealthContributors contributors) {
		this.delegate = delegate;
		this.contributors = contributors;
	}

	@Override
	public void registerContributor(String name, HealthContributor contributor) {
		this.delegate.registerContributor(name, contributor);
	}

	@Override
	public @Nullable HealthContributor unregisterContributor(String name) {
		this.contributors.forget(name);
		return this.delegate.unregisterContributor(name);
	}

	@Override
	public @Nullable HealthContributor getContributor(String name) {
		HealthContributor contributor = this.delegate.getContributor(name);
		return (contributor != null) ? this.contributors.wrap(name, contributor) : null;
	}

	@Override
	public Stream<HealthContributors.Entry> stream() {
		return this.delegate.stream()
			.map((entry) -> new HealthContributors.Entry(entry.name(),
					this.contributors.wrap(entry.name(), entry.contributor())));
	}

}
