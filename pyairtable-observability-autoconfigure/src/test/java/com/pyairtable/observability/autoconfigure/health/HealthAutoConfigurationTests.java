package com.pyairtable.observability.autoconfigure.health;

import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;

import com.pyairtable.observability.health.CircuitBreakersHealthCheck;
import com.pyairtable.observability.health.DependencyChecks;
import com.pyairtable.observability.health.HealthCheckMeterBinder;
import com.pyairtable.observability.health.HealthCheckScheduler;
import com.pyairtable.observability.health.HealthStatuses;
import com.pyairtable.observability.health.ReadinessHealthEndpointGroupsPostProcessor;
import com.pyairtable.observability.health.StateHealthCheck;
import com.pyairtable.observability.health.StateHealthChecksContributor;
import com.pyairtable.observability.health.TimeBoundHealthContributorRegistry;
import com.pyairtable.observability.health.TimeBoundHealthContributors;
import com.pyairtable.observability.health.TimeBoundHealthIndicator;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.autoconfigure.actuate.endpoint.HealthEndpointAutoConfiguration;
import org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.registry.HealthContributorRegistry;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class HealthAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(HealthContributorRegistryAutoConfiguration.class,
				HealthEndpointAutoConfiguration.class, HealthAutoConfiguration.class));

	@Test
	void providesHealthBeansByDefault() {
		this.runner.withPropertyValues("pyairtable.observability.health.checks.postgres.type=tcp",
				"pyairtable.observability.health.checks.postgres.host=127.0.0.1",
				"pyairtable.observability.health.checks.postgres.port=5432")
			.run((context) -> {
				assertThat(context).hasNotFailed()
					.hasSingleBean(DependencyChecks.class)
					.hasSingleBean(StateHealthChecksContributor.class)
					.hasSingleBean(TimeBoundHealthContributors.class)
					.hasSingleBean(ReadinessHealthEndpointGroupsPostProcessor.class)
					.hasSingleBean(CircuitBreakersHealthCheck.class)
					.hasSingleBean(HealthCheckMeterBinder.class)
					.hasSingleBean(HealthCheckScheduler.class);
				assertThat(context.getBean(DependencyChecks.class).getChecks()).singleElement()
					.satisfies((check) -> assertThat(check.isCritical()).isTrue());
				assertThat(context.getBean(HealthContributorRegistry.class))
					.isInstanceOf(TimeBoundHealthContributorRegistry.class);
				assertThat(context.getBean(HealthContributorRegistry.class).getContributor("dependencies"))
					.isSameAs(context.getBean(DependencyChecks.class));
			});
	}

	@Test
	void wrapsUserIndicatorsInTheirTimeBound() {
		this.runner.withUserConfiguration(UserIndicatorConfiguration.class).run((context) -> {
			HealthContributorRegistry registry = context.getBean(HealthContributorRegistry.class);
			assertThat(registry.getContributor("custom")).isInstanceOf(TimeBoundHealthIndicator.class);
			assertThat(((HealthIndicator) registry.getContributor("custom")).health().getStatus().getCode())
				.isEqualTo("UP");
			assertThat(registry.stream().filter((entry) -> entry.name().equals("custom")))
				.singleElement()
				.satisfies((entry) -> assertThat(entry.contributor()).isInstanceOf(TimeBoundHealthIndicator.class));
		});
	}

	@Test
	void timesOutNonCriticalStateChecksAsDegraded() {
		this.runner.withPropertyValues("pyairtable.observability.health.indicator-timeout=100ms")
			.withUserConfiguration(SlowStateCheckConfiguration.class)
			.run((context) -> {
				HealthContributorRegistry registry = context.getBean(HealthContributorRegistry.class);
				CompositeHealthContributor runtime = (CompositeHealthContributor) registry
					.getContributor("runtime");
				Health health = ((HealthIndicator) runtime.getContributor("slow")).health();
				assertThat(health.getStatus()).isEqualTo(HealthStatuses.DEGRADED);
			});
	}

	@Test
	void doesNotOfferItsSchedulerForInjectionByType() {
		this.runner.run((context) -> assertThat(context.getBeanProvider(ScheduledExecutorService.class).getIfUnique())
			.isNull());
	}

	@Test
	void doesNotRunTheApplicationsScheduledTasks() {
		this.runner.withUserConfiguration(ScheduledConfiguration.class).run((context) -> {
			ScheduledConfiguration scheduled = context.getBean(ScheduledConfiguration.class);
			await().until(() -> scheduled.thread != null);
			assertThat(scheduled.thread).doesNotStartWith("health-check-");
		});
	}

	@Test
	void backsOffWhenDisabled() {
		this.runner.withPropertyValues("pyairtable.observability.health.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(DependencyChecks.class)
				.doesNotHaveBean(TimeBoundHealthContributors.class);
			assertThat(context.getBean(HealthContributorRegistry.class))
				.isNotInstanceOf(TimeBoundHealthContributorRegistry.class);
		});
	}

	@Test
	void backsOffWhenTheStarterIsDisabled() {
		this.runner.withPropertyValues("pyairtable.observability.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(DependencyChecks.class));
	}

	@Test
	void backsOffWhenUserDefinesTheCircuitBreakerCheck() {
		this.runner.withUserConfiguration(UserCircuitBreakerCheckConfiguration.class)
			.run((context) -> assertThat(context).getBean(CircuitBreakersHealthCheck.class)
				.isSameAs(context.getBean("myBreakers")));
	}

	@Test
	void hasNoCircuitBreakerCheckWithoutResilience4j() {
		this.runner.withClassLoader(new FilteredClassLoader(CircuitBreakerRegistry.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(CircuitBreakersHealthCheck.class));
	}

	@Test
	void hasNoReadinessPostProcessorWhenReadinessIsDisabled() {
		this.runner.withPropertyValues("pyairtable.observability.health.readiness.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(ReadinessHealthEndpointGroupsPostProcessor.class));
	}

	@Test
	void failsWhenAnHttpCheckHasNoUrl() {
		assertFails("pyairtable.observability.health.checks.airtable.url must be set for an http check",
				"pyairtable.observability.health.checks.airtable.type=http");
	}

	@Test
	void failsWhenTheUrlIsInvalid() {
		assertFails("pyairtable.observability.health.checks.airtable.url was 'ftp://host/x' but must be",
				"pyairtable.observability.health.checks.airtable.type=http",
				"pyairtable.observability.health.checks.airtable.url=ftp://host/x");
		assertFails("pyairtable.observability.health.checks.airtable.url was 'http://ho st/' but is not a valid URL",
				"pyairtable.observability.health.checks.airtable.type=http",
				"pyairtable.observability.health.checks.airtable.url=http://ho st/?token=secret");
	}

	@Test
	void failsWhenATcpCheckHasNoHostOrPort() {
		assertFails("pyairtable.observability.health.checks.redis.host must be set for a tcp check",
				"pyairtable.observability.health.checks.redis.type=tcp",
				"pyairtable.observability.health.checks.redis.port=6379");
		assertFails("pyairtable.observability.health.checks.redis.port must be set for a tcp check",
				"pyairtable.observability.health.checks.redis.type=tcp",
				"pyairtable.observability.health.checks.redis.host=localhost");
	}

	@Test
	void failsWhenThePortIsOutOfRange() {
		assertFails("pyairtable.observability.health.checks.redis.port was 70000 but must be between 1 and 65535",
				"pyairtable.observability.health.checks.redis.type=tcp",
				"pyairtable.observability.health.checks.redis.host=localhost",
				"pyairtable.observability.health.checks.redis.port=70000");
	}

	@Test
	void failsWhenTimeoutOrIntervalIsNotPositive() {
		assertFails("pyairtable.observability.health.checks.redis.timeout was PT0S but must be a positive duration",
				"pyairtable.observability.health.checks.redis.type=tcp",
				"pyairtable.observability.health.checks.redis.host=localhost",
				"pyairtable.observability.health.checks.redis.port=6379",
				"pyairtable.observability.health.checks.redis.timeout=0s");
		assertFails("pyairtable.observability.health.checks.redis.interval was PT-1S but must be a positive duration",
				"pyairtable.observability.health.checks.redis.type=tcp",
				"pyairtable.observability.health.checks.redis.host=localhost",
				"pyairtable.observability.health.checks.redis.port=6379",
				"pyairtable.observability.health.checks.redis.interval=-1s");
		assertFails("pyairtable.observability.health.indicator-timeout was PT0S but must be a positive duration",
				"pyairtable.observability.health.indicator-timeout=0s");
	}

	@Test
	void failsWhenTheTypeIsMissingOrUnknown() {
		assertFails("pyairtable.observability.health.checks.redis.type must be set to 'http' or 'tcp'",
				"pyairtable.observability.health.checks.redis.host=localhost");
		this.runner.withPropertyValues("pyairtable.observability.health.checks.redis.type=udp").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).hasStackTraceContaining(
					"Failed to bind properties under 'pyairtable.observability.health.checks.redis.type'");
			assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("udp");
		});
	}

	private void assertFails(String message, String... properties) {
		this.runner.withPropertyValues(properties).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause().hasMessageContaining(message);
			assertThat(context.getStartupFailure()).rootCause().message().doesNotContain("secret");
		});
	}

	@Configuration(proxyBeanMethods = false)
	@EnableScheduling
	static class ScheduledConfiguration {

		volatile String thread;

		@Scheduled(fixedDelay = 60_000)
		void record() {
			this.thread = Thread.currentThread().getName();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class SlowStateCheckConfiguration {

		@Bean
		StateHealthCheck slowStateCheck() {
			return new StateHealthCheck() {

				@Override
				public String name() {
					return "slow";
				}

				@Override
				public Health check() {
					try {
						Thread.sleep(2_000);
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
					}
					return Health.up().build();
				}

			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserIndicatorConfiguration {

		@Bean
		HealthIndicator customHealthIndicator() {
			return () -> Health.up().build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserCircuitBreakerCheckConfiguration {

		@Bean
		CircuitBreakersHealthCheck myBreakers() {
			return new CircuitBreakersHealthCheck(() -> null, Set.of());
		}

	}

	@Test
	void readsTheBindersStateWhenTheyArePresent() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(HealthContributorRegistryAutoConfiguration.class,
					HealthEndpointAutoConfiguration.class, HealthAutoConfiguration.class,
					com.pyairtable.observability.autoconfigure.cardinality.CardinalityObservabilityAutoConfiguration.class,
					com.pyairtable.observability.autoconfigure.airtable.AirtableMetricsAutoConfiguration.class,
					com.pyairtable.observability.autoconfigure.saga.SagaMetricsAutoConfiguration.class,
					org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration.class))
			.withPropertyValues("pyairtable.observability.health.saga.stuck-after=10m",
					"pyairtable.observability.health.airtable.rate-limit-hits=5")
			.run((context) -> {
				assertThat(context).hasNotFailed()
					.hasSingleBean(com.pyairtable.observability.health.AirtableRateLimitHealthCheck.class)
					.hasSingleBean(com.pyairtable.observability.health.StuckSagasHealthCheck.class);
				assertThat(context.getBean(com.pyairtable.observability.health.StuckSagasHealthCheck.class).check()
					.getDetails()).containsEntry("stuckAfter", "PT10M");
			});
	}

	@Test
	void leavesBinderChecksOutWhenTheBindersAreAbsentOrSwitchedOff() {
		this.runner.run((context) -> assertThat(context).hasNotFailed()
			.doesNotHaveBean(com.pyairtable.observability.health.AirtableRateLimitHealthCheck.class)
			.doesNotHaveBean(com.pyairtable.observability.health.StuckSagasHealthCheck.class));
	}

	@Test
	void failsOnANonPositiveStuckThreshold() {
		this.runner.withPropertyValues("pyairtable.observability.health.saga.stuck-after=0s")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("pyairtable.observability.health.saga.stuck-after"));
	}

	@Test
	void failsOnARateLimitThresholdOutOfRange() {
		this.runner.withPropertyValues("pyairtable.observability.health.airtable.rate-limit-hits=100")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("pyairtable.observability.health.airtable.rate-limit-hits was 100"));
	}

}
