package com.pyairtable.observability.autoconfigure.logging;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.pyairtable.observability.logging.LogLeakProbe;
import com.pyairtable.observability.logging.RedactingAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingInitializationContext;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * No secret of a log event reaches any output, whatever the application's Logback setup:
 * its own {@code logback-spring.xml} (an {@code AsyncAppender} over a file, a
 * non-additive logger with its own file, an appender a bean attaches at startup), that
 * file reloaded by Logback's scan, logging initialised again, and Spring Boot's
 * {@code ecs}, {@code logstash} and {@code gelf} structured formats.
 */
@ExtendWith(OutputCaptureExtension.class)
class LogRedactionSetupsTests {

	private static final Logger orders = LoggerFactory.getLogger("com.example.orders.OrderService");

	private static final Logger payments = LoggerFactory.getLogger("com.example.payments.PaymentService");

	@TempDir
	Path directory;

	@BeforeEach
	@AfterEach
	void noStructuredFormatOfAnotherApplication() {
		// Boot keeps an application's log formats in system properties.
		System.clearProperty("CONSOLE_LOG_STRUCTURED_FORMAT");
		System.clearProperty("FILE_LOG_STRUCTURED_FORMAT");
		System.clearProperty("LOG_FILE");
	}

	@Test
	@SuppressWarnings("unchecked")
	void applicationsOwnLogbackConfigurationStaysRedactedThroughReloadAndReinitialisation() throws Exception {
		Path config = this.directory.resolve("logback-spring.xml");
		Files.writeString(config, configuration("first"));
		try (ConfigurableApplicationContext context = application("logging.config=" + config.toUri())) {
			LoggerContext logback = (LoggerContext) LoggerFactory.getILoggerFactory();
			assertThat(logback.getLogger("ROOT").getAppender("ASYNC")).isInstanceOf(RedactingAppender.class);
			LogLeakProbe.log(LoggerFactory.getLogger("com.example.beans.Importer"));
			ILoggingEvent received = ((ListAppender<ILoggingEvent>) context.getBean(ListAppender.class)).list.get(0);
			LogLeakProbe.assertRedacted(received.getFormattedMessage() + received.getMDCPropertyMap()
					+ received.getKeyValuePairs() + ThrowableProxyUtil.asString(received.getThrowableProxy()));
			LogLeakProbe.log(orders);
			LogLeakProbe.log(payments);
			stopAsync(logback);
			LogLeakProbe.assertRedacted(Files.readString(this.directory.resolve("first-app.log")));
			LogLeakProbe.assertRedacted(Files.readString(this.directory.resolve("first-payments.log")));
			assertThat(Files.readString(this.directory.resolve("first-app.log"))).doesNotContain("PaymentService");

			// Logback's scan reloads a changed file on its own thread.
			Files.writeString(config, configuration("reloaded"));
			Files.setLastModifiedTime(config, FileTime.from(Instant.now().plusSeconds(5)));
			await().atMost(Duration.ofSeconds(20))
				.until(() -> logback.getLogger("ROOT").getAppender("ASYNC") instanceof RedactingAppender redacting
						&& redacting.getDelegate().isStarted()
						&& Files.exists(this.directory.resolve("reloaded-app.log")));
			LogLeakProbe.log(orders);
			LogLeakProbe.log(payments);
			stopAsync(logback);
			LogLeakProbe.assertRedacted(Files.readString(this.directory.resolve("reloaded-app.log")));
			LogLeakProbe.assertRedacted(Files.readString(this.directory.resolve("reloaded-payments.log")));

			// Logging initialised again, as a refresh of the environment does; levels
			// changed
			// at runtime, as /actuator/loggers does.
			Files.writeString(config, configuration("reinitialised"));
			LoggingSystem loggingSystem = LoggingSystem.get(getClass().getClassLoader());
			loggingSystem.cleanUp();
			loggingSystem.beforeInitialize();
			loggingSystem.initialize(new LoggingInitializationContext(context.getEnvironment()),
					config.toUri().toString(), null);
			loggingSystem.setLogLevel("com.example", LogLevel.DEBUG);
			LogLeakProbe.log(orders);
			LogLeakProbe.log(payments);
			stopAsync(logback);
			LogLeakProbe.assertRedacted(Files.readString(this.directory.resolve("reinitialised-app.log")));
			LogLeakProbe.assertRedacted(Files.readString(this.directory.resolve("reinitialised-payments.log")));
		}
		finally {
			// Cancels the scan before the file goes: a reload of a missing file would
			// reset
			// the logging of the next application of this JVM while it starts.
			((LoggerContext) LoggerFactory.getILoggerFactory()).reset();
		}
	}

	@Test
	void ecsConsoleAndLogstashFileFormatsAreRedacted(CapturedOutput output) throws Exception {
		Path file = this.directory.resolve("structured.log");
		try (ConfigurableApplicationContext context = application("logging.structured.format.console=ecs",
				"logging.structured.format.file=logstash", "logging.file.name=" + file)) {
			LogLeakProbe.log(orders);
			String console = line(output.getOut());
			LogLeakProbe.assertRedacted(console);
			assertThat(console).startsWith("{")
				.contains("\"ecs\":")
				.contains("\"error\":{\"type\":\"java.lang.IllegalStateException\"");
			String written = line(Files.readString(file));
			LogLeakProbe.assertRedacted(written);
			assertThat(written).startsWith("{").contains("\"@version\":\"1\"");
		}
	}

	@Test
	void gelfFormatWithBootsStackTracePrinterIsRedacted(CapturedOutput output) {
		try (ConfigurableApplicationContext context = application("logging.structured.format.console=gelf",
				"logging.structured.json.stack-trace.root=first")) {
			LogLeakProbe.log(orders);
			String console = line(output.getOut());
			LogLeakProbe.assertRedacted(console);
			assertThat(console).startsWith("{")
				.contains("\"_error_type\":\"java.lang.IllegalStateException\"")
				.contains("java.io.IOException: upstream said Bearer [REDACTED:");
		}
	}

	private ConfigurableApplicationContext application(String... properties) {
		return new SpringApplicationBuilder(LoggingApplication.class).web(WebApplicationType.NONE)
			.properties(properties)
			.run();
	}

	private static String line(String output) {
		return output.lines().filter((line) -> line.contains(LogLeakProbe.MESSAGE_START)).findFirst().orElseThrow();
	}

	private static void stopAsync(LoggerContext logback) {
		// Drains the queue to the file: the async appender writes on its own thread.
		logback.getLogger("ROOT").getAppender("ASYNC").stop();
	}

	private String configuration(String prefix) {
		return """
				<configuration scan="true" scanPeriod="200 milliseconds">
				  <appender name="FILE" class="ch.qos.logback.core.FileAppender">
				    <file>%1$s/%2$s-app.log</file>
				    <encoder><pattern>%%level %%logger %%msg %%mdc %%kvp%%n%%ex</pattern></encoder>
				  </appender>
				  <appender name="ASYNC" class="ch.qos.logback.classic.AsyncAppender">
				    <appender-ref ref="FILE"/>
				  </appender>
				  <appender name="PAYMENTS" class="ch.qos.logback.core.FileAppender">
				    <file>%1$s/%2$s-payments.log</file>
				    <encoder><pattern>%%level %%logger %%msg %%mdc %%kvp%%n%%ex</pattern></encoder>
				  </appender>
				  <logger name="com.example.payments" level="INFO" additivity="false">
				    <appender-ref ref="PAYMENTS"/>
				  </logger>
				  <root level="INFO"><appender-ref ref="ASYNC"/></root>
				</configuration>
				""".formatted(this.directory, prefix);
	}

	@SpringBootConfiguration
	static class LoggingApplication {

		/** An appender a bean attaches while the application starts. */
		@Bean
		ListAppender<ILoggingEvent> beanAppender() {
			LoggerContext logback = (LoggerContext) LoggerFactory.getILoggerFactory();
			ListAppender<ILoggingEvent> appender = new ListAppender<>();
			appender.setContext(logback);
			appender.setName("BEAN");
			appender.start();
			logback.getLogger("com.example.beans").addAppender(appender);
			return appender;
		}

	}

}
