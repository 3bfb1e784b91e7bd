package com.pyairtable.observability.autoconfigure.sentry;

import com.pyairtable.observability.autoconfigure.core.ConditionalOnObservabilityEnabled;
import com.pyairtable.observability.autoconfigure.core.ObservabilityAutoConfiguration;
import com.pyairtable.observability.core.ServiceIdentity;
import com.pyairtable.observability.logging.SecretRedactor;
import com.pyairtable.observability.sentry.PlatformSentryEventProcessor;
import com.pyairtable.observability.sentry.PlatformSentryEventProcessor.TraceIds;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.sentry.EventProcessor;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * When the application uses Sentry's Spring Boot 4 integration ({@code sentry.dsn} set),
 * its error events carry the trace id, request id and service identity, and are redacted.
 * Sentry's own performance tracing stays as Sentry leaves it, off unless
 * {@code sentry.traces-sample-rate} (or a sampler bean) asks for it, so that the
 * platform's sampling policy is the one that decides.
 */
@AutoConfiguration(after = ObservabilityAutoConfiguration.class,
		beforeName = "io.sentry.spring.boot4.SentryAutoConfiguration")
@ConditionalOnClass({ EventProcessor.class, Tracer.class })
@ConditionalOnProperty(name = "sentry.dsn")
@ConditionalOnBean(ServiceIdentity.class)
@ConditionalOnObservabilityEnabled("sentry")
@EnableConfigurationProperties(SentryIntegrationProperties.class)
public final class SentryObservabilityAutoConfiguration {

	SentryObservabilityAutoConfiguration() {
	}

	@Bean
	@ConditionalOnMissingBean
	PlatformSentryEventProcessor platformSentryEventProcessor(ServiceIdentity identity, ObjectProvider<Tracer> tracer,
			ObjectProvider<SecretRedactor> redactor) {
		// Without the application's redactor, the built-in patterns: never an unredacted
		// event.
		SecretRedactor secrets = redactor.getIfAvailable(SecretRedactor::withDefaults);
		return new PlatformSentryEventProcessor(identity, () -> currentIds(tracer.getIfAvailable()), secrets::redact);
	}

	private static @Nullable TraceIds currentIds(@Nullable Tracer tracer) {
		Span span = (tracer != null) ? tracer.currentSpan() : null;
		return (span != null) ? new TraceIds(span.context().traceId(), span.context().spanId()) : null;
	}

}
