package com.pyairtable.observability.autoconfigure.health;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;

import com.pyairtable.observability.health.CircuitBreakersHealthCheck;
import com.pyairtable.observability.health.DependencyCheck;
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
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroup;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
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

class HealthObservabilityAutoConfigurationTests {

	private static final String[] POSTGRES = { "pyairtable.observability.health.checks.postgres.type=tcp",
			"pyairtable.observability.health.checks.postgres.host=127.0.0.1",
			"pyairtable.observability.health.checks.postgres.port=5432" };

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(HealthContributorRegistryAutoConfiguration.class,
				HealthEndpointAutoConfiguration.class, HealthObservabilityAutoConfiguration.class));

	@Test
	void providesHealthBeansByDefault() {
		this.runner
			.withPropertyValues("pyairtable.observability.health.checks.postgres.type=tcp",
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
	void registersItsContributorsUnderTheNamesTheyDeclareWhateverTheBeansAreCalled() {
		this.runner.withUserConfiguration(OddlyNamedContributorsConfiguration.class).run((context) -> {
			HealthContributorRegistry registry = context.getBean(HealthContributorRegistry.class);
			assertThat(registry.getContributor("dependencies")).isSameAs(context.getBean("myChecks"));
			// Read through its time bound, so a wrapper rather than the bean itself.
			assertThat(registry.getContributor("runtime")).isInstanceOf(CompositeHealthContributor.class);
			assertThat(registry.getContributor("myChecks")).isNull();
			assertThat(registry.getContributor("myStateChecks")).isNull();
			HealthEndpointGroup readiness = context.getBean(HealthEndpointGroups.class).get("readiness");
			assertThat(readiness.isMember("dependencies/critical")).isTrue();
			assertThat(readiness.isMember("dependencies/optional")).isFalse();
		});
	}

	@Test
	void addsCriticalChecksAndBootsDataIndicatorsToTheReadinessGroup() {
		this.runner.withPropertyValues(POSTGRES).run((context) -> {
			HealthEndpointGroup readiness = context.getBean(HealthEndpointGroups.class).get("readiness");
			assertThat(readiness.isMember("readinessState")).isTrue();
			assertThat(readiness.isMember("dependencies/postgres")).isTrue();
			assertThat(readiness.isMember("db")).isTrue();
			assertThat(readiness.isMember("redis")).isTrue();
			assertThat(readiness.isMember("diskSpace")).isFalse();
		});
	}

	@Test
	void leavesBootsDataIndicatorsToAReadinessGroupThatListsItsOwnMembers() {
		this.runner.withPropertyValues(POSTGRES)
			.withPropertyValues("management.endpoint.health.group.readiness.include=readinessState,ping",
					"management.endpoint.health.validate-group-membership=false")
			.run((context) -> {
				HealthEndpointGroup readiness = context.getBean(HealthEndpointGroups.class).get("readiness");
				assertThat(readiness.isMember("ping")).isTrue();
				assertThat(readiness.isMember("dependencies/postgres")).isTrue();
				assertThat(readiness.isMember("db")).isFalse();
				assertThat(readiness.isMember("redis")).isFalse();
			});
	}

	@Test
	void stillAddsTheIndicatorsOfTheDeprecatedProperty() {
		this.runner
			.withPropertyValues("pyairtable.observability.health.readiness.indicators=db,rabbit",
					"management.endpoint.health.group.readiness.include=readinessState",
					"management.endpoint.health.validate-group-membership=false")
			.run((context) -> {
				HealthEndpointGroup readiness = context.getBean(HealthEndpointGroups.class).get("readiness");
				assertThat(readiness.isMember("db")).isTrue();
				assertThat(readiness.isMember("rabbit")).isTrue();
				assertThat(readiness.isMember("redis")).isFalse();
			});
	}

	@Test
	void leavesOutWhatTheReadinessGroupExcludes() {
		this.runner.withPropertyValues(POSTGRES)
			.withPropertyValues("management.endpoint.health.group.readiness.exclude=dependencies/postgres,redis",
					"management.endpoint.health.validate-group-membership=false")
			.run((context) -> {
				HealthEndpointGroup readiness = context.getBean(HealthEndpointGroups.class).get("readiness");
				assertThat(readiness.isMember("dependencies/postgres")).isFalse();
				assertThat(readiness.isMember("redis")).isFalse();
				assertThat(readiness.isMember("db")).isTrue();
			});
	}

	@Test
	void wrapsUserIndicatorsInTheirTimeBound() {
		this.runner.withUserConfiguration(UserIndicatorConfiguration.class).run((context) -> {
			HealthContributorRegistry registry = context.getBean(HealthContributorRegistry.class);
			assertThat(registry.getContributor("custom")).isInstanceOf(TimeBoundHealthIndicator.class);
			assertThat(((HealthIndicator) registry.getContributor("custom")).health().getStatus().getCode())
				.isEqualTo("UP");
			assertThat(registry.stream().filter((entry) -> entry.name().equals("custom"))).singleElement()
				.satisfies((entry) -> assertThat(entry.contributor()).isInstanceOf(TimeBoundHealthIndicator.class));
		});
	}

	@Test
	void timesOutNonCriticalStateChecksAsDegraded() {
		this.runner.withPropertyValues("pyairtable.observability.health.indicator-timeout=100ms")
			.withUserConfiguration(SlowStateCheckConfiguration.class)
			.run((context) -> {
				HealthContributorRegistry registry = context.getBean(HealthContributorRegistry.class);
				CompositeHealthContributor runtime = (CompositeHealthContributor) registry.getContributor("runtime");
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

	@Test
	void readsTheBindersStateWhenTheyArePresent() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(
				HealthContributorRegistryAutoConfiguration.class, HealthEndpointAutoConfiguration.class,
				HealthObservabilityAutoConfiguration.class,
				com.pyairtable.observability.autoconfigure.cardinality.CardinalityObservabilityAutoConfiguration.class,
				com.pyairtable.observability.autoconfigure.airtable.AirtableObservabilityAutoConfiguration.class,
				com.pyairtable.observability.autoconfigure.saga.SagaObservabilityAutoConfiguration.class,
				org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration.class))
			.withPropertyValues("pyairtable.observability.health.saga.stuck-after=10m",
					"pyairtable.observability.health.airtable.rate-limit-hits=5")
			.run((context) -> {
				assertThat(context).hasNotFailed()
					.hasSingleBean(com.pyairtable.observability.airtable.AirtableRateLimitHealthCheck.class)
					.hasSingleBean(com.pyairtable.observability.saga.StuckSagasHealthCheck.class);
				assertThat(context.getBean(com.pyairtable.observability.saga.StuckSagasHealthCheck.class)
					.check()
					.getDetails()).containsEntry("stuckAfter", "PT10M");
			});
	}

	@Test
	void leavesBinderChecksOutWhenTheBindersAreAbsentOrSwitchedOff() {
		this.runner.run((context) -> assertThat(context).hasNotFailed()
			.doesNotHaveBean(com.pyairtable.observability.airtable.AirtableRateLimitHealthCheck.class)
			.doesNotHaveBean(com.pyairtable.observability.saga.StuckSagasHealthCheck.class));
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
	static class OddlyNamedContributorsConfiguration {

		@Bean
		HealthCheckScheduler myScheduler() {
			return new HealthCheckScheduler(1);
		}

		@Bean
		DependencyChecks myChecks(HealthCheckScheduler myScheduler) {
			return new DependencyChecks(List.of(check("critical", true), check("optional", false)),
					myScheduler.getExecutor());
		}

		@Bean
		StateHealthChecksContributor myStateChecks() {
			return new StateHealthChecksContributor(List::of);
		}

		private static DependencyCheck check(String name, boolean critical) {
			return new DependencyCheck(name, "tcp", "127.0.0.1:1", critical, Duration.ofMinutes(1), () -> {
			}, List.of(), Clock.systemUTC());
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

}
