package com.pyairtable.observability.autoconfigure.health;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class HealthDefaultsEnvironmentPostProcessorTests {

	private final HealthDefaultsEnvironmentPostProcessor postProcessor = new HealthDefaultsEnvironmentPostProcessor();

	@Test
	void ordersDegradedBetweenOutOfServiceAndUpAndMapsItTo200() {
		StandardEnvironment environment = environment(Map.of());
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		Binder binder = Binder.get(environment);
		assertThat(binder.bind("management.endpoint.health.status.order", Bindable.listOf(String.class)).get())
			.containsExactly("DOWN", "OUT_OF_SERVICE", "DEGRADED", "UP", "UNKNOWN");
		assertThat(binder
			.bind("management.endpoint.health.status.http-mapping", Bindable.mapOf(String.class, Integer.class))
			.get()).containsEntry("DEGRADED", 200).containsEntry("DOWN", 503).containsEntry("OUT_OF_SERVICE", 503);
	}

	@Test
	void userOrderAndMappingWin() {
		StandardEnvironment environment = environment(Map.of("management.endpoint.health.status.order",
				"FATAL,DOWN,UP", "management.endpoint.health.status.http-mapping.FATAL", "500",
				"management.endpoint.health.status.http-mapping.DOWN", "500"));
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		Binder binder = Binder.get(environment);
		assertThat(binder.bind("management.endpoint.health.status.order", Bindable.listOf(String.class)).get())
			.isEqualTo(List.of("FATAL", "DOWN", "UP"));
		assertThat(binder
			.bind("management.endpoint.health.status.http-mapping", Bindable.mapOf(String.class, Integer.class))
			.get()).containsEntry("FATAL", 500).containsEntry("DOWN", 500).containsEntry("DEGRADED", 200);
	}

	@Test
	void addsNothingWhenHealthOrTheStarterIsDisabled() {
		for (String key : List.of("pyairtable.observability.enabled", "pyairtable.observability.health.enabled")) {
			StandardEnvironment environment = environment(Map.of(key, "false"));
			this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
			assertThat(environment.getPropertySources()
				.contains(HealthDefaultsEnvironmentPostProcessor.PROPERTY_SOURCE_NAME)).isFalse();
		}
	}

	private static StandardEnvironment environment(Map<String, Object> properties) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new MapPropertySource("application", properties));
		return environment;
	}

}
