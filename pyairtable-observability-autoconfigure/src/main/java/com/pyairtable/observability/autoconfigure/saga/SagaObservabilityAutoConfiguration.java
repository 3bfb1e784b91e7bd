package com.pyairtable.observability.autoconfigure.saga;

import com.pyairtable.observability.autoconfigure.cardinality.CardinalityObservabilityAutoConfiguration;
import com.pyairtable.observability.autoconfigure.core.ConditionalOnObservabilityEnabled;
import com.pyairtable.observability.cardinality.CardinalityGuard;
import com.pyairtable.observability.saga.SagaMeterFilter;
import com.pyairtable.observability.saga.SagaMetrics;
import com.pyairtable.observability.saga.SagaObservationConvention;
import com.pyairtable.observability.saga.SagaRegistry;
import com.pyairtable.observability.saga.SagaRunner;
import com.pyairtable.observability.saga.SagaStepObservationConvention;
import com.pyairtable.observability.saga.StuckSagasHealthCheck;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * SAGA metrics and spans: the {@link SagaRunner} API, the running-saga
 * {@link SagaRegistry} and the saga counters; stuck sagas are a health check
 * ({@code runtime/sagas}).
 */
@AutoConfiguration(after = { CardinalityObservabilityAutoConfiguration.class, ObservationAutoConfiguration.class })
@ConditionalOnClass({ MeterRegistry.class, ObservationRegistry.class })
@ConditionalOnBean(CardinalityGuard.class)
@ConditionalOnObservabilityEnabled("metrics.saga")
@EnableConfigurationProperties(SagaMetricsProperties.class)
public final class SagaObservabilityAutoConfiguration {

	SagaObservabilityAutoConfiguration() {
	}

	@Bean
	@ConditionalOnMissingBean
	SagaRegistry sagaRegistry() {
		return new SagaRegistry();
	}

	@Bean
	@ConditionalOnMissingBean
	SagaMetrics sagaMetrics(CardinalityGuard guard) {
		return new SagaMetrics(guard);
	}

	@Bean
	@ConditionalOnMissingBean
	SagaRunner sagaRunner(ObjectProvider<ObservationRegistry> observationRegistry, SagaMetrics metrics,
			SagaRegistry registry, CardinalityGuard guard, ObjectProvider<SagaObservationConvention> sagaConvention,
			ObjectProvider<SagaStepObservationConvention> stepConvention) {
		return new SagaRunner(observationRegistry.getIfAvailable(() -> ObservationRegistry.NOOP), metrics, registry,
				guard, sagaConvention.getIfUnique(), stepConvention.getIfUnique());
	}

	@Bean
	@ConditionalOnMissingBean
	SagaMeterFilter sagaMeterFilter(SagaMetricsProperties properties) {
		return new SagaMeterFilter(properties.isHistogram());
	}

	/**
	 * The feature's own health check, collected by the health feature as a
	 * {@code StateHealthCheck} under the name it declares.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(HealthContributor.class)
	@ConditionalOnObservabilityEnabled("health")
	@ConditionalOnBooleanProperty(name = SagaHealthProperties.PREFIX + ".enabled", matchIfMissing = true)
	@EnableConfigurationProperties(SagaHealthProperties.class)
	static class SagaHealthConfiguration {

		@Bean
		@ConditionalOnMissingBean
		StuckSagasHealthCheck stuckSagasHealthCheck(SagaRegistry registry, SagaHealthProperties properties) {
			return new StuckSagasHealthCheck(registry, properties.getStuckAfter());
		}

	}

}
