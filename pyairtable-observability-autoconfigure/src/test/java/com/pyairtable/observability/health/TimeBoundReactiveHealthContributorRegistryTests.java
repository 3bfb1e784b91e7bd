package com.pyairtable.observability.health;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.boot.health.contributor.CompositeReactiveHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.health.registry.DefaultReactiveHealthContributorRegistry;

import static org.assertj.core.api.Assertions.assertThat;

class TimeBoundReactiveHealthContributorRegistryTests {

	private final IndicatorTimeoutPolicy policy = new IndicatorTimeoutPolicy() {

		@Override
		public Duration timeout(String name) {
			return Duration.ofMillis(200);
		}

		@Override
		public boolean critical(String name) {
			return !name.startsWith("optional");
		}

	};

	@Test
	void boundsReactiveIndicatorsThatNeverAnswer() {
		DefaultReactiveHealthContributorRegistry delegate = new DefaultReactiveHealthContributorRegistry();
		delegate.registerContributor("redis", (ReactiveHealthIndicator) Mono::never);
		delegate.registerContributor("optional",
				CompositeReactiveHealthContributor.fromMap(Map.of("cache", (ReactiveHealthIndicator) Mono::never)));
		TimeBoundReactiveHealthContributorRegistry registry = new TimeBoundReactiveHealthContributorRegistry(delegate,
				this.policy);
		long start = System.nanoTime();
		Health redis = ((ReactiveHealthIndicator) registry.getContributor("redis")).health(true)
			.block(Duration.ofSeconds(2));
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(900));
		assertThat(redis.getStatus()).isEqualTo(Status.DOWN);
		assertThat(redis.getDetails().get("error").toString()).contains("timed out after 200ms");
		CompositeReactiveHealthContributor optional = (CompositeReactiveHealthContributor) registry
			.getContributor("optional");
		Health cache = ((ReactiveHealthIndicator) optional.getContributor("cache")).health(true)
			.block(Duration.ofSeconds(2));
		assertThat(cache.getStatus()).isEqualTo(HealthStatuses.DEGRADED);
	}

	@Test
	void boundsTheBlockingViewOfTheRegistry() {
		DefaultReactiveHealthContributorRegistry delegate = new DefaultReactiveHealthContributorRegistry();
		delegate.registerContributor("redis", (ReactiveHealthIndicator) Mono::never);
		TimeBoundReactiveHealthContributorRegistry registry = new TimeBoundReactiveHealthContributorRegistry(delegate,
				this.policy);
		HealthIndicator blocking = (HealthIndicator) registry.asHealthContributors().getContributor("redis");
		assertThat(blocking.health().getStatus()).isEqualTo(Status.DOWN);
		assertThat(registry.stream()).singleElement()
			.satisfies((entry) -> assertThat(entry.contributor()).isSameAs(registry.getContributor("redis")));
	}

	@Test
	void reportsDownWhenTheIndicatorFails() {
		DefaultReactiveHealthContributorRegistry delegate = new DefaultReactiveHealthContributorRegistry();
		delegate.registerContributor("redis",
				(ReactiveHealthIndicator) () -> Mono.error(new IllegalStateException("refused")));
		Health health = ((ReactiveHealthIndicator) new TimeBoundReactiveHealthContributorRegistry(delegate, this.policy)
			.getContributor("redis")).health(true).block(Duration.ofSeconds(2));
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails().get("error").toString()).contains("refused");
	}

}
