package com.pyairtable.observability.health;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.health.application.AvailabilityStateHealthIndicator;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthContributors;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.PingHealthIndicator;

/**
 * Wraps health contributors so that every indicator, Spring Boot's and the application's,
 * answers within its timeout ({@link TimeBoundHealthIndicator}). Contributors that answer
 * from memory (availability states, ping, {@link NonBlockingHealthContributor}s) are left
 * as they are, so that liveness never waits for a thread of the bounded executor.
 */
public final class TimeBoundHealthContributors {

	private final IndicatorTimeoutPolicy policy;

	private final ExecutorService executor;

	private final Map<String, Wrapped> wrapped = new ConcurrentHashMap<>();

	/**
	 * Create the wrapper factory.
	 * @param policy the timeouts by contributor name
	 * @param executor the bounded executor running the indicators, shut down by
	 * {@link #close()}
	 */
	public TimeBoundHealthContributors(IndicatorTimeoutPolicy policy, ExecutorService executor) {
		this.policy = policy;
		this.executor = executor;
	}

	/**
	 * Stop the executor, abandoning indicators still running.
	 */
	public void close() {
		this.executor.shutdownNow();
	}

	/**
	 * The time-bounded form of a contributor, the same instance for the same contributor.
	 * @param name the contributor name, with its parents separated by {@code /}
	 * @param contributor the contributor
	 * @return the time-bounded contributor
	 */
	public HealthContributor wrap(String name, HealthContributor contributor) {
		if (!needsTimeBound(contributor)) {
			return contributor;
		}
		Wrapped existing = this.wrapped.get(name);
		if (existing != null && existing.original() == contributor) {
			return existing.wrapper();
		}
		Wrapped created = new Wrapped(contributor, create(name, contributor));
		this.wrapped.put(name, created);
		return created.wrapper();
	}

	/**
	 * Forget the wrapper of a contributor that has been unregistered.
	 * @param name the contributor name
	 */
	public void forget(String name) {
		this.wrapped.keySet().removeIf((key) -> key.equals(name) || key.startsWith(name + "/"));
	}

	private HealthContributor create(String name, HealthContributor contributor) {
		if (contributor instanceof HealthIndicator indicator) {
			return new TimeBoundHealthIndicator(name, indicator, this.policy.timeout(name), this.policy.critical(name),
					this.executor);
		}
		return new Composite(name, (CompositeHealthContributor) contributor);
	}

	private static boolean needsTimeBound(HealthContributor contributor) {
		return !(contributor instanceof NonBlockingHealthContributor
				|| contributor instanceof AvailabilityStateHealthIndicator || contributor instanceof PingHealthIndicator
				|| contributor instanceof TimeBoundHealthIndicator || contributor instanceof Composite);
	}

	private record Wrapped(HealthContributor original, HealthContributor wrapper) {
	}

	private final class Composite implements CompositeHealthContributor {

		private final String name;

		private final CompositeHealthContributor delegate;

		Composite(String name, CompositeHealthContributor delegate) {
			this.name = name;
			this.delegate = delegate;
		}

		@Override
		public @Nullable HealthContributor getContributor(String child) {
			HealthContributor contributor = this.delegate.getContributor(child);
			return (contributor != null) ? wrap(this.name + "/" + child, contributor) : null;
		}

		@Override
		public Stream<HealthContributors.Entry> stream() {
			return this.delegate.stream()
				.map((entry) -> new HealthContributors.Entry(entry.name(),
						wrap(this.name + "/" + entry.name(), entry.contributor())));
		}

	}

}
