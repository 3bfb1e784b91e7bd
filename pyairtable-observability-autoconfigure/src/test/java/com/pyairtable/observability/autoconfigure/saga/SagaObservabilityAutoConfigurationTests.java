package com.pyairtable.observability.autoconfigure.saga;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.pyairtable.observability.autoconfigure.cardinality.CardinalityObservabilityAutoConfiguration;
import com.pyairtable.observability.saga.SagaContext;
import com.pyairtable.observability.saga.SagaMeterFilter;
import com.pyairtable.observability.saga.SagaMetrics;
import com.pyairtable.observability.saga.SagaOutcome;
import com.pyairtable.observability.saga.SagaRegistry;
import com.pyairtable.observability.saga.SagaRunner;
import com.pyairtable.observability.saga.StuckSagasHealthCheck;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class SagaObservabilityAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(MetricsAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class,
					CompositeMeterRegistryAutoConfiguration.class, ObservationAutoConfiguration.class,
					CardinalityObservabilityAutoConfiguration.class, SagaObservabilityAutoConfiguration.class));

	@Test
	void runsSagasThroughBootsObservationRegistry() {
		List<Observation.Context> started = new CopyOnWriteArrayList<>();
		this.runner.withBean(ObservationHandler.class, () -> new ObservationHandler<>() {
			@Override
			public void onStart(Observation.Context context) {
				started.add(context);
			}

			@Override
			public boolean supportsContext(Observation.Context context) {
				return true;
			}
		}).run((context) -> {
			assertThat(context).hasSingleBean(SagaRunner.class)
				.hasSingleBean(SagaRegistry.class)
				.hasSingleBean(SagaMetrics.class)
				.hasSingleBean(SagaMeterFilter.class);
			assertThat(context.getBean(SagaRunner.class).saga("s").step("a", () -> {
			}).run().outcome()).isEqualTo(SagaOutcome.COMPLETED);
			assertThat(started).hasAtLeastOneElementOfType(SagaContext.class);
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.get("saga.duration").tags("saga", "s", "outcome", "completed").timer().count())
				.isEqualTo(1);
			assertThat(registry.get("saga.step.duration").tags("saga", "s", "step", "a").timer().count()).isEqualTo(1);
		});
	}

	@Test
	void worksWithoutAnObservationRegistry() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(CardinalityObservabilityAutoConfiguration.class,
					SagaObservabilityAutoConfiguration.class))
			.run((context) -> assertThat(context.getBean(SagaRunner.class).saga("s").step("a", () -> {
			}).run().isCompleted()).isTrue());
	}

	@Test
	void backsOffWhenDisabled() {
		this.runner.withPropertyValues("pyairtable.observability.metrics.saga.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(SagaRunner.class)
				.doesNotHaveBean(SagaRegistry.class));
	}

	@Test
	void backsOffWhenUserDefinesARegistry() {
		this.runner.withBean("myRegistry", SagaRegistry.class, SagaRegistry::new)
			.run((context) -> assertThat(context).getBean(SagaRegistry.class).isSameAs(context.getBean("myRegistry")));
	}

	@Test
	void backsOffWithoutMicrometerObservation() {
		this.runner.withClassLoader(new FilteredClassLoader(ObservationRegistry.class))
			.run((context) -> assertThat(context).doesNotHaveBean(SagaRunner.class));
	}

	@Test
	void contributesItsHealthCheckUnlessHealthOrTheCheckIsSwitchedOff() {
		this.runner.run((context) -> assertThat(context).hasSingleBean(StuckSagasHealthCheck.class));
		this.runner.withPropertyValues("pyairtable.observability.health.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(StuckSagasHealthCheck.class));
		this.runner.withPropertyValues("pyairtable.observability.health.saga.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(StuckSagasHealthCheck.class));
		this.runner.withClassLoader(new FilteredClassLoader(HealthContributor.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(StuckSagasHealthCheck.class));
	}

	@Test
	void failsOnANonPositiveStuckThreshold() {
		this.runner.withPropertyValues("pyairtable.observability.health.saga.stuck-after=0s")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("pyairtable.observability.health.saga.stuck-after"));
	}

}
