package com.pyairtable.observability.autoconfigure.logging;

import java.util.LinkedHashMap;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import com.pyairtable.observability.autoconfigure.core.ObservabilityAutoConfiguration;
import com.pyairtable.observability.logging.PlatformJsonLogFormatter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.info.ProjectInfoAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JSON log line, built by Spring Boot before the application context exists, names
 * the service exactly as the meters do.
 */
class ServiceIdentityInLogsTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ProjectInfoAutoConfiguration.class,
				ObservabilityAutoConfiguration.class, MetricsAutoConfiguration.class,
				CompositeMeterRegistryAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class))
		.withPropertyValues("spring.application.name=airtable-gateway",
				"spring.info.build.location=classpath:identity/build-info.properties");

	@Test
	void logLineCarriesTheBuildVersionAndLowerCaseEnvironmentOfTheMeters() {
		this.contextRunner.withPropertyValues("pyairtable.observability.service.environment=Production")
			.run((context) -> {
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				registry.counter("orders.placed").increment();
				Map<String, String> tags = tags(registry);
				assertThat(tags).containsEntry("version", "1.4.2").containsEntry("environment", "production");

				JsonNode line = logLine(new PlatformJsonLogFormatter(context.getEnvironment(), null));
				assertThat(line.get("version").asString()).isEqualTo("1.4.2").isEqualTo(tags.get("version"));
				assertThat(line.get("environment").asString()).isEqualTo("production")
					.isEqualTo(tags.get("environment"));
				assertThat(line.get("service").asString()).isEqualTo("airtable-gateway").isEqualTo(tags.get("service"));
			});
	}

	@Test
	void explicitVersionWinsInLogsAsInMeters() {
		this.contextRunner.withPropertyValues("pyairtable.observability.service.version=2.0.0").run((context) -> {
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			registry.counter("orders.placed").increment();
			JsonNode line = logLine(new PlatformJsonLogFormatter(context.getEnvironment(), null));
			assertThat(line.get("version").asString()).isEqualTo("2.0.0").isEqualTo(tags(registry).get("version"));
			assertThat(line.get("environment").asString()).isEqualTo("development");
		});
	}

	private static Map<String, String> tags(MeterRegistry registry) {
		Map<String, String> tags = new LinkedHashMap<>();
		registry.get("orders.placed")
			.counter()
			.getId()
			.getTags()
			.forEach((tag) -> tags.put(tag.getKey(), tag.getValue()));
		return tags;
	}

	private static JsonNode logLine(PlatformJsonLogFormatter formatter) {
		LoggingEvent event = new LoggingEvent();
		event.setLoggerContext(new LoggerContext());
		event.setLoggerName("com.example.Orders");
		event.setLevel(Level.INFO);
		event.setMessage("order placed");
		event.setTimeStamp(System.currentTimeMillis());
		event.setThreadName("main");
		event.setMDCPropertyMap(Map.of());
		return JsonMapper.builder().build().readTree(formatter.format(event));
	}

}
