package com.pyairtable.observability.autoconfigure.core;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * An invalid property of the starter holding a secret fails startup with a message that
 * names the property and never quotes the secret: neither the starter's validation
 * message nor the binding failure analysis printed to the console.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupFailureRedactionTests {

	private static final String KEY = "sk-abcdefghijklmnopqrstuvwxyz123456";

	private static final String PASSWORD = "hunter2-passw0rd";

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', value = {
			"pyairtable.observability.metrics.airtable.api-url|ftp://svc:" + PASSWORD + "@api.example.com/v0?api_key="
					+ KEY,
			"pyairtable.observability.tracing.export.protocol|Bearer " + KEY,
			"pyairtable.observability.service.tier|" + KEY,
			"pyairtable.observability.health.checks.hook.url|ftp://svc:" + PASSWORD + "@hooks.example.com/x?token="
					+ KEY,
			"pyairtable.observability.metrics.otlp.endpoint|ftp://svc:" + PASSWORD + "@collector:4318?key=" + KEY })
	void failsNamingThePropertyWithoutQuotingTheSecret(String property, String value, CapturedOutput output) {
		assertThatException().isThrownBy(() -> start(property, value)).satisfies((failure) -> {
			StringBuilder messages = new StringBuilder();
			for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
				messages.append(cause.getMessage()).append('\n');
			}
			assertThat(messages.toString() + output.getAll()).contains(property)
				.doesNotContain(KEY)
				.doesNotContain(PASSWORD);
		});
	}

	private static void start(String property, String value) {
		SpringApplication application = new SpringApplication(App.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application
			.run("--spring.main.banner-mode=off", "--spring.application.name=failing",
					"--pyairtable.observability.metrics.otlp.enabled=true",
					"--pyairtable.observability.health.checks.hook.type=http", "--" + property + "=" + value)
			.close();
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class App {

	}

}
