package com.pyairtable.observability.autoconfigure.health;

import com.pyairtable.observability.airtable.AirtableMetrics;
import com.pyairtable.observability.autoconfigure.airtable.AirtableObservabilityAutoConfiguration;
import com.pyairtable.observability.autoconfigure.saga.SagaObservabilityAutoConfiguration;
import com.pyairtable.observability.health.AirtableRateLimitHealthCheck;
import com.pyairtable.observability.health.StuckSagasHealthCheck;
import com.pyairtable.observability.saga.SagaRegistry;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import com.pyairtable.observability.autoconfigure.core.ConditionalOnObservabilityEnabled;
import com.pyairtable.observability.health.CircuitBreakersHealthCheck;
import com.pyairtable.observability.health.DependencyCheck;
import com.pyairtable.observability.health.DependencyChecks;
import com.pyairtable.observability.health.HealthCheckMeterBinder;
import com.pyairtable.observability.health.HealthCheckScheduler;
import com.pyairtable.observability.health.ReadinessHealthEndpointGroupsPostProcessor;
import com.pyairtable.observability.health.ReadinessStatusAggregator;
import com.pyairtable.observability.health.StateHealthCheck;
import com.pyairtable.observability.health.StateHealthChecksContributor;
import com.pyairtable.observability.health.TimeBoundHealthContributorRegistry;
import com.pyairtable.observability.health.TimeBoundHealthContributors;
import com.pyairtable.observability.health.TimeBoundReactiveHealthContributorRegistry;
import com.pyairtable.observability.logging.SecretRedactor;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import reactor.core.publisher.Mono;

import org.springframework.beans.BeansException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.autoconfigure.task.TaskSchedulingAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroupsPostProcessor;
import org.springframework.boot.health.actuate.endpoint.HttpCodeStatusMapper;
import org.springframework.boot.health.actuate.endpoint.StatusAggregator;
import org.springframework.boot.health.autoconfigure.actuate.endpoint.HealthEndpointAutoConfiguration;
import org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.registry.HealthContributorRegistry;
import org.springframework.boot.health.registry.ReactiveHealthContributorRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.util.function.SingletonSupplier;

/**
 * Health of the service: dependency checks from YAML run in the background, a time bound
 * on every health indicator, the DEGRADED status, critical checks in the readiness group,
 * circuit breakers and health as metrics.
 */
@AutoConfiguration(after = { HealthContributorRegistryAutoConfiguration.class, HealthEndpointAutoConfiguration.class,
		TaskExecutionAutoConfiguration.class, TaskSchedulingAutoConfiguration.class,
		AirtableObservabilityAutoConfiguration.class, SagaObservabilityAutoConfiguration.class })
@ConditionalOnClass(HealthContributor.class)
@ConditionalOnObservabilityEnabled("health")
@EnableConfigurationProperties(ObservabilityHealthProperties.class)
public final class HealthObservabilityAutoConfiguration {

	private static final int MAX_CHECK_THREADS = 4;

	HealthObservabilityAutoConfiguration() {
	}

	/**
	 * Dedicated scheduler of the dependency checks: daemon threads, stopped with the
	 * context, never running the application's {@code @Scheduled} work.
	 */
	@Bean
	@ConditionalOnMissingBean
	HealthCheckScheduler healthCheckScheduler(ObservabilityHealthProperties properties) {
		return new HealthCheckScheduler(Math.max(1, Math.min(properties.getChecks().size(), MAX_CHECK_THREADS)));
	}

	/** The checks, named after the bean: {@code dependencies} in {@code /actuator/health}. */
	@Bean
	@ConditionalOnMissingBean
	DependencyChecks dependenciesHealthContributor(ObservabilityHealthProperties properties,
			HealthCheckScheduler healthCheckScheduler, ObjectProvider<SecretRedactor> redactor) {
		SecretRedactor secrets = redactor.getIfAvailable(SecretRedactor::withDefaults);
		return new DependencyChecks(DependencyCheckFactory.create(properties, Clock.systemUTC(), secrets::redact),
				healthCheckScheduler.getExecutor());
	}

	/** The state checks, named after the bean: {@code runtime} in {@code /actuator/health}. */
	@Bean
	@ConditionalOnMissingBean
	StateHealthChecksContributor runtimeHealthContributor(ObjectProvider<StateHealthCheck> checks) {
		return new StateHealthChecksContributor(SingletonSupplier.of(() -> checks.orderedStream().toList()));
	}

	@Bean
	@ConditionalOnMissingBean
	TimeBoundHealthContributors timeBoundHealthContributors(ObservabilityHealthProperties properties,
			ObjectProvider<StateHealthCheck> stateChecks) {
		CustomizableThreadFactory threadFactory = new CustomizableThreadFactory("health-indicator-");
		threadFactory.setDaemon(true);
		ThreadPoolExecutor executor = new ThreadPoolExecutor(0, properties.getIndicatorThreads(), 30,
				TimeUnit.SECONDS, new SynchronousQueue<>(), threadFactory);
		String runtimePrefix = StateHealthChecksContributor.CONTRIBUTOR_NAME + "/";
		return new TimeBoundHealthContributors(new PropertiesIndicatorTimeoutPolicy(properties,
				(name) -> !name.startsWith(runtimePrefix) || stateChecks.stream()
					.filter((check) -> name.equals(runtimePrefix + check.name()))
					.allMatch(StateHealthCheck::critical)),
				executor);
	}

	/** Reads every health contributor through its time bound. */
	@Bean
	static BeanPostProcessor timeBoundHealthContributorRegistryPostProcessor(
			ObjectProvider<TimeBoundHealthContributors> contributors) {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) throws BeansException {
				if (bean instanceof HealthContributorRegistry registry
						&& !(bean instanceof TimeBoundHealthContributorRegistry)) {
					return new TimeBoundHealthContributorRegistry(registry, contributors.getObject());
				}
				return bean;
			}

		};
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(Mono.class)
	static class ReactiveTimeBoundConfiguration {

		/** Reads every reactive health contributor through its time bound. */
		@Bean
		static BeanPostProcessor timeBoundReactiveHealthContributorRegistryPostProcessor(
				ObjectProvider<ObservabilityHealthProperties> properties) {
			return new BeanPostProcessor() {

				@Override
				public Object postProcessAfterInitialization(Object bean, String beanName) throws BeansException {
					if (bean instanceof ReactiveHealthContributorRegistry registry
							&& !(bean instanceof TimeBoundReactiveHealthContributorRegistry)) {
						return new TimeBoundReactiveHealthContributorRegistry(registry,
								new PropertiesIndicatorTimeoutPolicy(properties.getObject()));
					}
					return bean;
				}

			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(HealthEndpointGroupsPostProcessor.class)
	@ConditionalOnBooleanProperty(name = ObservabilityHealthProperties.PREFIX + ".readiness.enabled",
			matchIfMissing = true)
	static class ReadinessConfiguration {

		private static final String GROUP_STATUS = "management.endpoint.health.group.readiness.status.";

		@Bean
		@ConditionalOnMissingBean
		ReadinessHealthEndpointGroupsPostProcessor readinessHealthEndpointGroupsPostProcessor(
				ObservabilityHealthProperties properties, ObjectProvider<DependencyChecks> dependencyChecks,
				ObjectProvider<StateHealthCheck> stateChecks, ObjectProvider<StatusAggregator> statusAggregator,
				ObjectProvider<HttpCodeStatusMapper> httpCodeStatusMapper, Environment environment) {
			SingletonSupplier<Set<String>> members = SingletonSupplier
				.of(() -> members(properties, dependencyChecks, stateChecks));
			Binder binder = Binder.get(environment);
			boolean ownOrder = binder.bind(GROUP_STATUS + "order", Bindable.listOf(String.class)).isBound();
			boolean ownMapping = binder.bind(GROUP_STATUS + "http-mapping", Bindable.mapOf(String.class, Integer.class))
				.isBound();
			StatusAggregator aggregator = statusAggregator.getIfAvailable();
			HttpCodeStatusMapper mapper = httpCodeStatusMapper.getIfAvailable();
			return new ReadinessHealthEndpointGroupsPostProcessor(members,
					(ownOrder || aggregator == null) ? null : new ReadinessStatusAggregator(aggregator),
					ownMapping ? null : mapper);
		}

		private static Set<String> members(ObservabilityHealthProperties properties,
				ObjectProvider<DependencyChecks> dependencyChecks, ObjectProvider<StateHealthCheck> stateChecks) {
			Set<String> members = new LinkedHashSet<>(properties.getReadiness().getIndicators());
			DependencyChecks checks = dependencyChecks.getIfAvailable();
			if (checks != null) {
				for (DependencyCheck check : checks.getChecks()) {
					if (check.isCritical()) {
						members.add(DependencyChecks.CONTRIBUTOR_NAME + "/" + check.getName());
					}
				}
			}
			stateChecks.orderedStream()
				.filter(StateHealthCheck::critical)
				.forEach((check) -> members.add(StateHealthChecksContributor.CONTRIBUTOR_NAME + "/" + check.name()));
			return Set.copyOf(members);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(CircuitBreakerRegistry.class)
	@ConditionalOnBooleanProperty(name = ObservabilityHealthProperties.PREFIX + ".circuit-breakers.enabled",
			matchIfMissing = true)
	static class CircuitBreakerHealthConfiguration {

		/**
		 * The registry is looked up when the check runs: whichever configuration defines
		 * it, in whatever order, is seen.
		 */
		@Bean
		@ConditionalOnMissingBean
		CircuitBreakersHealthCheck circuitBreakersHealthCheck(ObjectProvider<CircuitBreakerRegistry> registry,
				ObservabilityHealthProperties properties) {
			return new CircuitBreakersHealthCheck(registry::getIfUnique,
					Set.copyOf(properties.getCircuitBreakers().getCritical()));
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBean(AirtableMetrics.class)
	@ConditionalOnBooleanProperty(name = ObservabilityHealthProperties.PREFIX + ".airtable.enabled",
			matchIfMissing = true)
	static class AirtableHealthConfiguration {

		@Bean
		@ConditionalOnMissingBean
		AirtableRateLimitHealthCheck airtableRateLimitHealthCheck(AirtableMetrics metrics,
				ObservabilityHealthProperties properties) {
			ObservabilityHealthProperties.Airtable airtable = properties.getAirtable();
			return new AirtableRateLimitHealthCheck(metrics, airtable.getRateLimitHits(), airtable.getWindow());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBean(SagaRegistry.class)
	@ConditionalOnBooleanProperty(name = ObservabilityHealthProperties.PREFIX + ".saga.enabled", matchIfMissing = true)
	static class SagaHealthConfiguration {

		@Bean
		@ConditionalOnMissingBean
		StuckSagasHealthCheck stuckSagasHealthCheck(SagaRegistry registry, ObservabilityHealthProperties properties) {
			return new StuckSagasHealthCheck(registry, properties.getSaga().getStuckAfter());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterBinder.class)
	static class HealthMetricsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		HealthCheckMeterBinder healthCheckMeterBinder(ObjectProvider<DependencyChecks> dependencyChecks,
				ObjectProvider<StateHealthCheck> stateChecks) {
			DependencyChecks checks = dependencyChecks.getIfAvailable();
			List<DependencyCheck> dependencies = (checks != null) ? checks.getChecks() : List.of();
			return new HealthCheckMeterBinder(dependencies, () -> stateChecks.orderedStream().toList());
		}

	}

}
