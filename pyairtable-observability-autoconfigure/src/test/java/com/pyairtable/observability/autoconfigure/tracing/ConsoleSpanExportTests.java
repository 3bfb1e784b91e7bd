package com.pyairtable.observability.autoconfigure.tracing;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.pyairtable.observability.autoconfigure.core.ObservabilityEnvironmentPostProcessor;
import com.pyairtable.observability.logging.SecretRedactor;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.exporter.logging.LoggingSpanExporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The debug console export of spans: off by default, on with the property or the
 * platform's {@code OTEL_CONSOLE_EXPORT=true}, and redacted like the OTLP export.
 */
@ExtendWith(OutputCaptureExtension.class)
class ConsoleSpanExportTests {

	private static final String SECRET = "sk-abcdefghijklmnopqrstuvwxyz123456";

	@Test
	void writesRedactedSpansToTheLogWhenEnabled(CapturedOutput output) {
		try (ConfigurableApplicationContext context = start(
				"pyairtable.observability.tracing.console-export.enabled=true")) {
			Tracer tracer = context.getBean(Tracer.class);
			Span span = tracer.nextSpan().name("console-export-check").tag("llm.key", "Bearer " + SECRET).start();
			span.end();
			await().atMost(Duration.ofSeconds(10)).until(() -> output.getOut().contains("'console-export-check'"));
			String line = output.getOut()
				.lines()
				.filter((l) -> l.contains("'console-export-check'"))
				.findFirst()
				.orElseThrow();
			assertThat(line).contains(span.context().traceId()).contains("[REDACTED:").doesNotContain(SECRET);
		}
	}

	@Test
	void redactsStringArraysAndRedactsEvenWithoutTheLoggingFeaturesRedactor(CapturedOutput output) {
		try (ConfigurableApplicationContext context = start(
				"pyairtable.observability.tracing.console-export.enabled=true",
				"pyairtable.observability.logging.enabled=false")) {
			assertThat(context.getBeansOfType(SecretRedactor.class)).isEmpty();
			io.opentelemetry.api.trace.Span span = context.getBean(OpenTelemetry.class)
				.getTracer("console-test")
				.spanBuilder("console-array-check")
				.setAttribute(AttributeKey.stringArrayKey("llm.keys"), List.of("plain", SECRET))
				.setAttribute("auth", "Bearer " + SECRET)
				.startSpan();
			span.end();
			await().atMost(Duration.ofSeconds(10)).until(() -> output.getOut().contains("'console-array-check'"));
			String line = output.getOut()
				.lines()
				.filter((l) -> l.contains("'console-array-check'"))
				.findFirst()
				.orElseThrow();
			assertThat(line).contains("plain").contains("[REDACTED:").doesNotContain(SECRET);
		}
	}

	@Test
	void isOffByDefault() {
		try (ConfigurableApplicationContext context = start()) {
			assertThat(context.getBeansOfType(LoggingSpanExporter.class)).isEmpty();
		}
	}

	@Test
	void thePlatformsVariableSwitchesItOn() {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
					new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
							Map.of("OTEL_CONSOLE_EXPORT", "true")));
		new ObservabilityEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty(ConsoleSpanExportProperties.PREFIX + ".enabled", Boolean.class)).isTrue();
	}

	private static ConfigurableApplicationContext start(String... properties) {
		String[] args = new String[properties.length + 4];
		args[0] = "--spring.application.name=console-test";
		args[1] = "--spring.main.banner-mode=off";
		args[2] = "--management.tracing.sampling.probability=1.0";
		args[3] = "--management.opentelemetry.tracing.export.schedule-delay=50ms";
		for (int i = 0; i < properties.length; i++) {
			args[i + 4] = "--" + properties[i];
		}
		SpringApplication application = new SpringApplication(App.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		return application.run(args);
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class App {

	}

}
