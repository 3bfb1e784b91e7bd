package com.pyairtable.observability.autoconfigure.logging;

import java.util.Map;

import com.pyairtable.observability.autoconfigure.core.ObservabilityEnvironmentPostProcessor;
import com.pyairtable.observability.logging.BusinessContext;
import com.pyairtable.observability.logging.SecretRedactor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.actuate.context.properties.ConfigurationPropertiesReportEndpoint;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.actuate.endpoint.Show;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

class ObservabilityLoggingRedactionKeyTests {

	private static final String KEY = "a-deployment-wide-key-7f3c9a";

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(LoggingObservabilityAutoConfiguration.class));

	@AfterEach
	void reset() {
		BusinessContext.useRedactor(SecretRedactor.withDefaults());
	}

	@Test
	void keyedRedactorMarksSecretsWithTheDeploymentsHmac() {
		SecretRedactor expected = SecretRedactor.builder().key(KEY).build();
		this.contextRunner.withPropertyValues("pyairtable.observability.logging.redaction.key=" + KEY)
			.run((context) -> {
				SecretRedactor redactor = context.getBean(SecretRedactor.class);
				assertThat(redactor.redact("token=482913")).isEqualTo(expected.redact("token=482913"))
					.isNotEqualTo(SecretRedactor.withDefaults().redact("token=482913"));
			});
	}

	@Test
	void withoutAKeyTheProcessKeyIsUsed() {
		this.contextRunner.run((context) -> assertThat(context.getBean(SecretRedactor.class).redact("token=482913"))
			.isEqualTo(SecretRedactor.withDefaults().redact("token=482913")));
	}

	@Test
	void businessContextHashesUserIdsUnderTheDeploymentKeyEvenWithSpanRedactionOff() {
		String expected = SecretRedactor.builder().key(KEY).build().keyedHash("user@example.com");
		this.contextRunner.withPropertyValues("pyairtable.observability.logging.redaction.key=" + KEY)
			.run((context) -> assertThat(BusinessContext.hashUserId("user@example.com")).isEqualTo(expected));
		BusinessContext.useRedactor(SecretRedactor.withDefaults());
		this.contextRunner
			.withPropertyValues("pyairtable.observability.logging.redaction.key=" + KEY,
					"pyairtable.observability.logging.redaction.enabled=false")
			.run((context) -> {
				assertThat(context).doesNotHaveBean(SecretRedactor.class);
				assertThat(BusinessContext.hashUserId("user@example.com")).isEqualTo(expected);
			});
	}

	@Test
	void failsOnAShortKeyNamingThePropertyButNotTheKey() {
		this.contextRunner.withPropertyValues("pyairtable.observability.logging.redaction.key=hunter2")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("pyairtable.observability.logging.redaction.key")
				.hasMessageContaining("at least 16 characters")
				.hasMessageNotContaining("hunter2"));
	}

	@Test
	void keyIsMaskedInConfigpropsEvenWhenValuesAreShown() {
		this.contextRunner
			.withPropertyValues("pyairtable.observability.logging.redaction.key=" + KEY,
					"pyairtable.observability.logging.redaction.patterns[0]=internal-[0-9]{6}")
			.run((context) -> {
				// As Boot's endpoint auto-configuration builds it, with every value
				// shown.
				ConfigurationPropertiesReportEndpoint endpoint = new ConfigurationPropertiesReportEndpoint(
						context.getBeanProvider(SanitizingFunction.class).orderedStream().toList(), Show.ALWAYS);
				endpoint.setApplicationContext(context);
				String report = endpoint.configurationPropertiesWithPrefix(ObservabilityLoggingProperties.PREFIX)
					.getContexts()
					.values()
					.stream()
					.flatMap((descriptor) -> descriptor.getBeans().values().stream())
					.map((bean) -> bean.getProperties() + " " + bean.getInputs())
					.reduce("", String::concat);
				assertThat(report).contains("internal-[0-9]{6}", "key=******").doesNotContain(KEY);
			});
	}

	@Test
	void skipsTheSanitizingFunctionWithoutTheActuator() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(SanitizingFunction.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean("pyairtableRedactionKeySanitizingFunction")
				.hasSingleBean(SecretRedactor.class));
	}

	@Test
	void environmentVariableIsTheLowestPrecedenceFallback() {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
					new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
							Map.of("OBSERVABILITY_REDACTION_KEY", KEY)));
		new ObservabilityEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("pyairtable.observability.logging.redaction.key")).isEqualTo(KEY);
		environment.getPropertySources()
			.addFirst(new MapPropertySource("application",
					Map.of("pyairtable.observability.logging.redaction.key", "the-application-s-own-key")));
		assertThat(environment.getProperty("pyairtable.observability.logging.redaction.key"))
			.isEqualTo("the-application-s-own-key");
	}

}
