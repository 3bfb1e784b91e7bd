package com.pyairtable.observability.autoconfigure.core;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

class ObservabilityDefaultsEnvironmentPostProcessorTests {

	private final ObservabilityDefaultsEnvironmentPostProcessor postProcessor = new ObservabilityDefaultsEnvironmentPostProcessor();

	@Test
	void exposesOnlyHealthInfoAndPrometheusWithProbes() {
		StandardEnvironment environment = environment(Map.of(), Map.of());
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("management.endpoints.web.exposure.include"))
			.isEqualTo("health,info,prometheus");
		assertThat(environment.getProperty("management.endpoint.health.probes.enabled")).isEqualTo("true");
		assertThat(environment.getProperty("management.opentelemetry.tracing.export.max-queue-size")).isEqualTo("8192");
	}

	@Test
	void userKeysWinOverDefaults() {
		StandardEnvironment environment = environment(Map.of(),
				Map.of("management.endpoints.web.exposure.include", "health"));
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("management.endpoints.web.exposure.include")).isEqualTo("health");
	}

	@Test
	void platformEnvironmentVariablesAreFallbacks() {
		StandardEnvironment environment = environment(
				Map.of("SERVICE_NAME", "api-gateway", "SERVICE_VERSION", "3.1.0", "SERVICE_TIER", "gateway",
						"ENVIRONMENT", "production", "LOG_FORMAT", "json", "OTEL_SAMPLING_RATIO", "0.25"),
				Map.of("pyairtable.observability.service.version", "3.2.0"));
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("pyairtable.observability.service.name")).isEqualTo("api-gateway");
		assertThat(environment.getProperty("pyairtable.observability.service.tier")).isEqualTo("gateway");
		assertThat(environment.getProperty("pyairtable.observability.service.environment")).isEqualTo("production");
		assertThat(environment.getProperty("pyairtable.observability.logging.format")).isEqualTo("json");
		assertThat(environment.getProperty("pyairtable.observability.tracing.sampling.ratio")).isEqualTo("0.25");
		// An explicit property wins over the platform variable.
		assertThat(environment.getProperty("pyairtable.observability.service.version")).isEqualTo("3.2.0");
	}

	@Test
	void addsNothingWhenStarterIsDisabled() {
		StandardEnvironment environment = environment(Map.of("SERVICE_NAME", "api-gateway"),
				Map.of("pyairtable.observability.enabled", "false"));
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getPropertySources()
			.contains(ObservabilityDefaultsEnvironmentPostProcessor.PROPERTY_SOURCE_NAME)).isFalse();
		assertThat(environment.getProperty("management.endpoints.web.exposure.include")).isNull();
	}

	private static StandardEnvironment environment(Map<String, Object> variables, Map<String, Object> properties) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new SystemEnvironmentPropertySource(
					StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
		environment.getPropertySources().addFirst(new MapPropertySource("application", properties));
		return environment;
	}

}
