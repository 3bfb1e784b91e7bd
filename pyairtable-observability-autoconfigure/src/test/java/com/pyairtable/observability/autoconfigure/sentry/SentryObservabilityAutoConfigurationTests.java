package com.pyairtable.observability.autoconfigure.sentry;

import com.pyairtable.observability.autoconfigure.core.ObservabilityAutoConfiguration;
import com.pyairtable.observability.logging.SecretRedactor;
import com.pyairtable.observability.sentry.PlatformSentryEventProcessor;
import io.sentry.EventProcessor;
import io.sentry.Hint;
import io.sentry.SentryEvent;
import io.sentry.protocol.Message;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class SentryObservabilityAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(ObservabilityAutoConfiguration.class, SentryObservabilityAutoConfiguration.class))
		.withPropertyValues("spring.application.name=orders");

	@Test
	void decoratesEventsWhenSentryIsConfigured() {
		this.runner.withPropertyValues("sentry.dsn=http://key@127.0.0.1:9/1")
			.run((context) -> assertThat(context).hasSingleBean(PlatformSentryEventProcessor.class));
	}

	@Test
	void redactsWithTheBuiltInPatternsWhenTheApplicationHasNoRedactor() {
		this.runner.withPropertyValues("sentry.dsn=http://key@127.0.0.1:9/1").run((context) -> {
			assertThat(context).doesNotHaveBean(SecretRedactor.class);
			SentryEvent event = new SentryEvent();
			Message message = new Message();
			message.setFormatted("refused key sk-abcdefghijklmnopqrstuvwxyz123456");
			event.setMessage(message);
			SentryEvent processed = context.getBean(PlatformSentryEventProcessor.class).process(event, new Hint());
			assertThat(processed.getMessage().getFormatted()).startsWith("refused key " + SecretRedactor.MARKER);
		});
	}

	@Test
	void staysAwayWithoutADsn() {
		this.runner.run((context) -> assertThat(context).doesNotHaveBean(PlatformSentryEventProcessor.class));
	}

	@Test
	void staysAwayWithoutSentry() {
		this.runner.withPropertyValues("sentry.dsn=http://key@127.0.0.1:9/1")
			.withClassLoader(new FilteredClassLoader(EventProcessor.class))
			.run((context) -> assertThat(context).doesNotHaveBean(PlatformSentryEventProcessor.class));
	}

	@Test
	void canBeTurnedOff() {
		this.runner
			.withPropertyValues("sentry.dsn=http://key@127.0.0.1:9/1", "pyairtable.observability.sentry.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(PlatformSentryEventProcessor.class));
	}

}
