package com.pyairtable.observability.autoconfigure.health;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import com.pyairtable.observability.autoconfigure.core.ConditionalOnObservabilityEnabled;
import com.pyairtable.observability.health.CircuitBreakersHealthCheck;
import com.pyairtable.observability.health.DeclaredNameRegistration;
import com.pyairtable.observability.health.DependencyCheck;
import com.pyairtable.observability.health.DependencyChecks;
import com.pyairtable.observability.health.HealthCheckMeterBinder;
import com.pyairtable.observability.health.HealthCheckScheduler;
import com.pyairtable.observability.health.ReadinessHealthEndpointGroupsPostProcessor;
import com.pyairtable.observability.health.ReadinessMembers;
import com.pyairtable.observability.health.ReadinessStatusAggregator;
import com.pyairtable.observability.health.StateHealthCheck;
import com.pyairtable.observability.health.StateHealthChecksContributor;
import com.pyairtable.observability.health.TimeBoundHealthContributorRegistry;
import com.pyairtable.observability.health.TimeBoundHealthContributors;
import com.pyairtable.observability.health.TimeBoundReactiveHealthContributorRegistry;
import com.pyairtable.observability.logging.SecretRedactor;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.beans.BeansException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.autoconfigure.task.TaskSchedulingAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroupsPostProcessor;
import org.springframework.boot.health.actuate.endpoint.HttpCodeStatusMapper;
import org.springframework.boot.health.actuate.endpoint.StatusAggregator;
import org.springframework.boot.health.autoconfigure.actuate.endpoint.HealthEndpointAutoConfiguration;
import org.springframework.boot.health.autoconfigure.actuate.endpoint.HealthEndpointProperties;
import org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.registry.HealthContributorRegistry;
import org.springframework.boot.health.registry.ReactiveHealthContributorRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.util.function.SingletonSupplier;

/**
 * Health of the service: dependency checks from YAML run in the background, a time bound
 * on every health indicator, critical checks in the readiness group, circuit breakers and
 * health as metrics. Other features contribute their checks as {@link StateHealthCheck}
 * beans; the composite contributors are registered under the names they declare
 * ({@code dependencies}, {@code runtime}), whatever their beans are called.
 */
@AutoConfiguration(after = { HealthContributorRegistryAutoConfiguration.class, HealthEndpointAutoConfiguration.class,
		TaskExecutionAutoConfiguration.class, TaskSchedulingAutoConfiguration.class })
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

	/** The checks, {@code dependencies} in {@code /actuator/health}. */
	@Bean
	@ConditionalOnMissingBean
	DependencyChecks dependencyChecks(ObservabilityHealthProperties properties,
			HealthCheckScheduler healthCheckScheduler, ObjectProvider<SecretRedactor> redactor) {
		SecretRedactor secrets = redactor.getIfAvailable(SecretRedactor::withDefaults);
		return new DependencyChecks(DependencyCheckFactory.create(properties, Clock.systemUTC(), secrets::redact),
				healthCheckScheduler.getExecutor());
	}

	/** The state checks, {@code runtime} in {@code /actuator/health}. */
	@Bean
	@ConditionalOnMissingBean
	StateHealthChecksContributor stateHealthChecksContributor(ObjectProvider<StateHealthCheck> checks) {
		return new StateHealthChecksContributor(SingletonSupplier.of(() -> checks.orderedStream().toList()));
	}

	@Bean
	@ConditionalOnMissingBean
	TimeBoundHealthContributors timeBoundHealthContributors(ObservabilityHealthProperties properties,
			ObjectProvider<StateHealthCheck> stateChecks) {
		CustomizableThreadFactory threadFactory = new CustomizableThreadFactory("health-indicator-");
		threadFactory.setDaemon(true);
		ThreadPoolExecutor executor = new ThreadPoolExecutor(0, properties.getIndicatorThreads(), 30, TimeUnit.SECONDS,
				new SynchronousQueue<>(), threadFactory);
		String runtimePrefix = StateHealthChecksContributor.CONTRIBUTOR_NAME + "/";
		return new TimeBoundHealthContributors(new PropertiesIndicatorTimeoutPolicy(properties,
				(name) -> !name.startsWith(runtimePrefix) || stateChecks.stream()
					.filter((check) -> name.equals(runtimePrefix + check.name()))
					.allMatch(StateHealthCheck::critical)),
				executor);
	}

	/**
	 * Registers the composite contributors under their declared names and reads every
	 * health contributor through its time bound.
	 */
	@Bean
	static BeanPostProcessor timeBoundHealthContributorRegistryPostProcessor(
			ObjectProvider<TimeBoundHealthContributors> contributors, ObjectProvider<DependencyChecks> dependencyChecks,
			ObjectProvider<StateHealthChecksContributor> stateChecks) {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) throws BeansException {
				if (bean instanceof HealthContributorRegistry registry
						&& !(bean instanceof TimeBoundHealthContributorRegistry)) {
					dependencyChecks.ifUnique((checks) -> DeclaredNameRegistration.register(registry,
							DependencyChecks.CONTRIBUTOR_NAME, checks));
					stateChecks.ifUnique((checks) -> DeclaredNameRegistration.register(registry,
							StateHealthChecksContributor.CONTRIBUTOR_NAME, checks));
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

		/**
		 * Adds the critical checks to Spring Boot's readiness group, as configured under
		 * {@code management.endpoint.health.group.readiness}: its include, exclude,
		 * status order and HTTP mapping are the application's to set.
		 */
		@Bean
		@ConditionalOnMissingBean
		ReadinessHealthEndpointGroupsPostProcessor readinessHealthEndpointGroupsPostProcessor(
				ObservabilityHealthProperties properties, ObjectProvider<HealthEndpointProperties> endpointProperties,
				ObjectProvider<DependencyChecks> dependencyChecks, ObjectProvider<StateHealthCheck> stateChecks,
				ObjectProvider<StatusAggregator> statusAggregator,
				ObjectProvider<HttpCodeStatusMapper> httpCodeStatusMapper) {
			HealthEndpointProperties.Group group = readinessGroup(endpointProperties.getIfAvailable());
			boolean ownOrder = group != null && !group.getStatus().getOrder().isEmpty();
			boolean ownMapping = group != null && !group.getStatus().getHttpMapping().isEmpty();
			ReadinessMembers members = new ReadinessMembers(properties.getReadiness().getIndicators(),
					group != null && group.getInclude() != null,
					(group != null && group.getExclude() != null) ? group.getExclude() : Set.of(),
					() -> dependencyChecks.stream().flatMap((checks) -> checks.getChecks().stream()).toList(),
					() -> stateChecks.orderedStream().toList());
			StatusAggregator aggregator = statusAggregator.getIfAvailable();
			HttpCodeStatusMapper mapper = httpCodeStatusMapper.getIfAvailable();
			return new ReadinessHealthEndpointGroupsPostProcessor(SingletonSupplier.of(members),
					(ownOrder || aggregator == null) ? null : new ReadinessStatusAggregator(aggregator),
					ownMapping ? null : mapper);
		}

		private static HealthEndpointProperties.@Nullable Group readinessGroup(
				@Nullable HealthEndpointProperties properties) {
			return (properties != null)
					? properties.getGroup().get(ReadinessHealthEndpointGroupsPostProcessor.READINESS) : null;
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
