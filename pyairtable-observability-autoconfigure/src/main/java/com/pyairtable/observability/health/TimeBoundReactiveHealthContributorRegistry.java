package com.pyairtable.observability.health;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.boot.health.contributor.CompositeReactiveHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthContributor;
import org.springframework.boot.health.contributor.ReactiveHealthContributors;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.health.registry.ReactiveHealthContributorRegistry;

/**
 * A {@link ReactiveHealthContributorRegistry} whose indicators (Spring Boot's reactive
 * Redis indicator, for one) answer within their timeout: past it the subscription is
 * cancelled and the indicator reported DOWN (DEGRADED when not critical). The blocking
 * health endpoint reads reactive indicators through this registry too.
 */
public final class TimeBoundReactiveHealthContributorRegistry implements ReactiveHealthContributorRegistry {

	private final ReactiveHealthContributorRegistry delegate;

	private final IndicatorTimeoutPolicy policy;

	private final Map<String, Wrapped> wrapped = new ConcurrentHashMap<>();

	/**
	 * Decorate a registry.
	 * @param delegate the registry holding the contributors
	 * @param policy the timeouts by contributor name
	 */
	public TimeBoundReactiveHealthContributorRegistry(ReactiveHealthContributorRegistry delegate,
			IndicatorTimeoutPolicy policy) {
		this.delegate = delegate;
		this.policy = policy;
	}

	@Override
	public void registerContributor(String name, ReactiveHealthContributor contributor) {
		this.delegate.registerContributor(name, contributor);
	}

	@Override
	public @Nullable ReactiveHealthContributor unregisterContributor(String name) {
		this.wrapped.keySet().removeIf((key) -> key.equals(name) || key.startsWith(name + "/"));
		return this.delegate.unregisterContributor(name);
	}

	@Override
	public @Nullable ReactiveHealthContributor getContributor(String name) {
		ReactiveHealthContributor contributor = this.delegate.getContributor(name);
		return (contributor != null) ? wrap(name, contributor) : null;
	}

	@Override
	public Stream<ReactiveHealthContributors.Entry> stream() {
		return this.delegate.stream()
			.map((entry) -> new ReactiveHealthContributors.Entry(entry.name(),
					wrap(entry.name(), entry.contributor())));
	}

	ReactiveHealthContributor wrap(String name, ReactiveHealthContributor contributor) {
		if (contributor instanceof TimeBoundIndicator || contributor instanceof Composite) {
			return contributor;
		}
		Wrapped existing = this.wrapped.get(name);
		if (existing != null && existing.original() == contributor) {
			return existing.wrapper();
		}
		ReactiveHealthContributor wrapper = (contributor instanceof ReactiveHealthIndicator indicator)
				? new TimeBoundIndicator(name, indicator)
				: new Composite(name, (CompositeReactiveHealthContributor) contributor);
		this.wrapped.put(name, new Wrapped(contributor, wrapper));
		return wrapper;
	}

	private record Wrapped(ReactiveHealthContributor original, ReactiveHealthContributor wrapper) {
	}

	private final class TimeBoundIndicator implements ReactiveHealthIndicator {

		private final String name;

		private final ReactiveHealthIndicator delegate;

		TimeBoundIndicator(String name, ReactiveHealthIndicator delegate) {
			this.name = name;
			this.delegate = delegate;
		}

		@Override
		public Mono<Health> health(boolean includeDetails) {
			return bound(Mono.defer(() -> this.delegate.health(includeDetails)));
		}

		@Override
		public Mono<Health> health() {
			return bound(Mono.defer(this.delegate::health));
		}

		private Mono<Health> bound(Mono<Health> health) {
			Duration timeout = TimeBoundReactiveHealthContributorRegistry.this.policy.timeout(this.name);
			boolean critical = TimeBoundReactiveHealthContributorRegistry.this.policy.critical(this.name);
			return health
				.timeout(timeout,
						Mono.fromSupplier(() -> Health.status(HealthStatuses.failure(critical))
							.withDetail("error", "timed out after " + timeout.toMillis() + "ms")
							.withDetail("timeoutMillis", timeout.toMillis())
							.build()))
				.onErrorResume(
						(ex) -> Mono.just(Health.down().withDetail("error", Redaction.error(ex, List.of())).build()))
				// The indicator's details may quote a connection URL or an error with a
				// secret.
				.map(Redaction::details);
		}

	}

	private final class Composite implements CompositeReactiveHealthContributor {

		private final String name;

		private final CompositeReactiveHealthContributor delegate;

		Composite(String name, CompositeReactiveHealthContributor delegate) {
			this.name = name;
			this.delegate = delegate;
		}

		@Override
		public @Nullable ReactiveHealthContributor getContributor(String child) {
			ReactiveHealthContributor contributor = this.delegate.getContributor(child);
			return (contributor != null) ? wrap(this.name + "/" + child, contributor) : null;
		}

		@Override
		public Stream<ReactiveHealthContributors.Entry> stream() {
			return this.delegate.stream()
				.map((entry) -> new ReactiveHealthContributors.Entry(entry.name(),
						wrap(this.name + "/" + entry.name(), entry.contributor())));
		}

	}

}
