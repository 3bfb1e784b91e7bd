package com.pyairtable.observability.autoconfigure.logging;

import com.pyairtable.observability.logging.PlatformJsonLogFormatter;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class LoggingFormatEnvironmentPostProcessorTests {

	private final LoggingFormatEnvironmentPostProcessor processor = new LoggingFormatEnvironmentPostProcessor();

	@Test
	void textInDevelopmentByDefault() {
		assertThat(format(new MockEnvironment())).isNull();
	}

	@Test
	void jsonOutsideDevelopmentByDefault() {
		assertThat(format(new MockEnvironment().withProperty("pyairtable.observability.service.environment",
				"production")))
			.isEqualTo(PlatformJsonLogFormatter.class.getName());
	}

	@Test
	void explicitFormatWins() {
		assertThat(format(new MockEnvironment().withProperty("pyairtable.observability.logging.format", "json")))
			.isEqualTo(PlatformJsonLogFormatter.class.getName());
		assertThat(format(new MockEnvironment().withProperty("pyairtable.observability.service.environment", "production")
			.withProperty("pyairtable.observability.logging.format", "TEXT"))).isNull();
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
		assertThat(format(new MockEnvironment().withProperty("pyairtable.observability.service.environment", "production")
			.withProperty("pyairtable.observability.logging.enabled", "false"))).isNull();
	}

	private String format(MockEnvironment environment) {
		this.processor.postProcessEnvironment(environment, new SpringApplication());
		return environment.getProperty("logging.structured.format.console");
	}

}
