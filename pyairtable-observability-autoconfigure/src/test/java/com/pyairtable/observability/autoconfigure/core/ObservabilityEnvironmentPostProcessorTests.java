package com.pyairtable.observability.autoconfigure.core;

import java.util.List;
import java.util.Map;

import com.pyairtable.observability.logging.PlatformJsonLogFormatter;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one environment post-processor: other libraries' defaults at the lowest precedence,
 * the platform's variables as fallbacks, and the ops-kit write switch on top.
 */
class ObservabilityEnvironmentPostProcessorTests {

	private final ObservabilityEnvironmentPostProcessor postProcessor = new ObservabilityEnvironmentPostProcessor();

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
		assertThat(
				environment.getPropertySources().contains(ObservabilityEnvironmentPostProcessor.PROPERTY_SOURCE_NAME))
			.isFalse();
		assertThat(environment.getProperty("management.endpoints.web.exposure.include")).isNull();
	}

	// The JSON console format (formerly LoggingFormatEnvironmentPostProcessorTests).

	@Test
	void textInDevelopmentByDefault() {
		assertThat(format(new MockEnvironment())).isNull();
	}

	@Test
	void jsonOutsideDevelopmentByDefault() {
		assertThat(format(
				new MockEnvironment().withProperty("pyairtable.observability.service.environment", "production")))
			.isEqualTo(PlatformJsonLogFormatter.class.getName());
	}

	@Test
	void explicitFormatWins() {
		assertThat(format(new MockEnvironment().withProperty("pyairtable.observability.logging.format", "json")))
			.isEqualTo(PlatformJsonLogFormatter.class.getName());
		assertThat(
				format(new MockEnvironment().withProperty("pyairtable.observability.service.environment", "production")
					.withProperty("pyairtable.observability.logging.format", "TEXT")))
			.isNull();
	}

	@Test
	void usersOwnStructuredFormatWins() {
		MockEnvironment environment = new MockEnvironment()
			.withProperty("pyairtable.observability.service.environment", "production")
			.withProperty("logging.structured.format.console", "ecs");
		assertThat(format(environment)).isEqualTo("ecs");
	}

	@Test
	void nothingWhenDisabled() {
		assertThat(
				format(new MockEnvironment().withProperty("pyairtable.observability.service.environment", "production")
					.withProperty("pyairtable.observability.logging.enabled", "false")))
			.isNull();
	}

	@Test
	void platformLogFormatAndEnvironmentVariablesSelectJson() {
		StandardEnvironment environment = environment(Map.of("ENVIRONMENT", "Production"), Map.of());
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("logging.structured.format.console"))
			.isEqualTo(PlatformJsonLogFormatter.class.getName());
		environment = environment(Map.of("ENVIRONMENT", "production", "LOG_FORMAT", "text"), Map.of());
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("logging.structured.format.console")).isNull();
	}

	// The defaults the tracing, OTLP and health post-processors used to add.

	@Test
	void defaultsSourceHoldsTracingOtlpAndHealthDefaults() {
		StandardEnvironment environment = environment(Map.of(), Map.of());
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		PropertySource<?> defaults = environment.getPropertySources()
			.get(ObservabilityEnvironmentPostProcessor.PROPERTY_SOURCE_NAME);
		assertThat(defaults).isNotNull();
		assertThat(defaults.getProperty("logging.level.io.opentelemetry.exporter.internal")).isEqualTo("off");
		assertThat(defaults.getProperty("management.observations.annotations.enabled")).isEqualTo("true");
		assertThat(defaults.getProperty("management.otlp.metrics.export.enabled")).isEqualTo("false");
		assertThat(defaults.getProperty("management.otlp.metrics.export.base-time-unit")).isNull();
		assertThat(defaults.getProperty("management.endpoint.health.status.order"))
			.isEqualTo("DOWN,OUT_OF_SERVICE,DEGRADED,UP,UNKNOWN");
		assertThat(defaults.getProperty("management.endpoint.health.status.http-mapping.DOWN")).isEqualTo("503");
		assertThat(defaults.getProperty("management.endpoint.health.status.http-mapping.OUT_OF_SERVICE"))
			.isEqualTo("503");
		assertThat(defaults.getProperty("management.endpoint.health.status.http-mapping.DEGRADED")).isEqualTo("200");
		assertThat(environment.getPropertySources().stream().map(PropertySource::getName).toList())
			.endsWith(ObservabilityEnvironmentPostProcessor.PROPERTY_SOURCE_NAME);
	}

	@Test
	void ordersDegradedBetweenOutOfServiceAndUpAndMapsItTo200() {
		StandardEnvironment environment = environment(Map.of(), Map.of());
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		Binder binder = Binder.get(environment);
		assertThat(binder.bind("management.endpoint.health.status.order", Bindable.listOf(String.class)).get())
			.containsExactly("DOWN", "OUT_OF_SERVICE", "DEGRADED", "UP", "UNKNOWN");
		assertThat(binder
			.bind("management.endpoint.health.status.http-mapping", Bindable.mapOf(String.class, Integer.class))
			.get()).containsEntry("DEGRADED", 200).containsEntry("DOWN", 503).containsEntry("OUT_OF_SERVICE", 503);
	}

	@Test
	void userHealthOrderAndMappingWin() {
		StandardEnvironment environment = environment(Map.of(),
				Map.of("management.endpoint.health.status.order", "FATAL,DOWN,UP",
						"management.endpoint.health.status.http-mapping.FATAL", "500",
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
	void healthAndTracingDefaultsFollowTheirFeatureSwitches() {
		StandardEnvironment environment = environment(Map.of(), Map.of("pyairtable.observability.health.enabled",
				"false", "pyairtable.observability.tracing.enabled", "false"));
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("management.endpoint.health.status.order")).isNull();
		assertThat(environment.getProperty("management.observations.annotations.enabled")).isNull();
		assertThat(environment.getProperty("logging.level.io.opentelemetry.exporter.internal")).isNull();
		assertThat(environment.getProperty("management.endpoints.web.exposure.include"))
			.isEqualTo("health,info,prometheus");
	}

	@Test
	void otlpMetricsExportFollowsOurSwitchInSeconds() {
		StandardEnvironment environment = environment(Map.of(),
				Map.of("pyairtable.observability.metrics.otlp.enabled", "true"));
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("management.otlp.metrics.export.enabled")).isEqualTo("true");
		assertThat(environment.getProperty("management.otlp.metrics.export.base-time-unit")).isEqualTo("seconds");
	}

	@Test
	void bootsOwnOtlpMetricsSwitchWins() {
		StandardEnvironment environment = environment(Map.of(),
				Map.of("management.otlp.metrics.export.enabled", "true"));
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("management.otlp.metrics.export.enabled")).isEqualTo("true");
	}

	// The ops-kit write switch (formerly OpsKitWriteEnvironmentPostProcessor).

	@Test
	void writingTheOpsKitTurnsTheWebServerAndBannerOffWhateverTheApplicationSays() {
		StandardEnvironment environment = environment(Map.of(), Map.of("pyairtable.observability.ops-kit.write-to",
				"/tmp/kit", "spring.main.web-application-type", "servlet", "spring.main.banner-mode", "console"));
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("spring.main.web-application-type")).isEqualTo("none");
		assertThat(environment.getProperty("spring.main.banner-mode")).isEqualTo("off");
		assertThat(environment.getPropertySources().iterator().next().getName())
			.isEqualTo(ObservabilityEnvironmentPostProcessor.OPS_KIT_WRITE_PROPERTY_SOURCE_NAME);
	}

	@Test
	void webServerStaysWithoutWriteTo() {
		StandardEnvironment environment = environment(Map.of(), Map.of());
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("spring.main.web-application-type")).isNull();
		assertThat(environment.getPropertySources()
			.contains(ObservabilityEnvironmentPostProcessor.OPS_KIT_WRITE_PROPERTY_SOURCE_NAME)).isFalse();
	}

	private String format(MockEnvironment environment) {
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		return environment.getProperty("logging.structured.format.console");
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
