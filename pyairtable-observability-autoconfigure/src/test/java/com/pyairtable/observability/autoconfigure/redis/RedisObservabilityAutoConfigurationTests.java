package com.pyairtable.observability.autoconfigure.redis;

import com.pyairtable.observability.autoconfigure.cardinality.CardinalityObservabilityAutoConfiguration;
import com.pyairtable.observability.redis.RedisOperationsObservationHandler;
import io.lettuce.core.metrics.MicrometerCommandLatencyRecorder;
import io.lettuce.core.resource.ClientResources;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.ClientResourcesBuilderCustomizer;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class RedisObservabilityAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
		.withConfiguration(AutoConfigurations.of(CardinalityObservabilityAutoConfiguration.class,
				RedisObservabilityAutoConfiguration.class));

	@Test
	void switchesOnLettucesCommandLatencyRecorderAndCountsOperations() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(RedisOperationsObservationHandler.class);
			ClientResources.Builder builder = ClientResources.builder();
			context.getBean(ClientResourcesBuilderCustomizer.class).customize(builder);
			ClientResources resources = builder.build();
			try {
				assertThat(resources.commandLatencyRecorder()).isInstanceOf(MicrometerCommandLatencyRecorder.class);
			}
			finally {
				resources.shutdown();
			}
		});
	}

	@Test
	void backsOffWhenDisabled() {
		this.runner.withPropertyValues("pyairtable.observability.redis.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(RedisOperationsObservationHandler.class)
				.doesNotHaveBean(ClientResourcesBuilderCustomizer.class));
	}

	@Test
	void backsOffWithoutLettuce() {
		this.runner.withClassLoader(new FilteredClassLoader("io.lettuce"))
			.run((context) -> assertThat(context).doesNotHaveBean(RedisOperationsObservationHandler.class));
	}

}
