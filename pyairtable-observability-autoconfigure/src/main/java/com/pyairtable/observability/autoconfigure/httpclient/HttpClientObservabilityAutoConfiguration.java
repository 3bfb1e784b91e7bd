package com.pyairtable.observability.autoconfigure.httpclient;

import com.pyairtable.observability.autoconfigure.cardinality.CardinalityAutoConfiguration;
import com.pyairtable.observability.autoconfigure.core.ConditionalOnObservabilityEnabled;
import com.pyairtable.observability.cardinality.CardinalityGuard;
import com.pyairtable.observability.httpclient.HttpClientTagsMeterFilter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Outbound HTTP calls: Spring's own {@code http.client.requests} observation (recorded for
 * every client built from Boot's builders) is the source; this bounds its
 * {@code client.name} tag with the cardinality guard.
 */
@AutoConfiguration(after = CardinalityAutoConfiguration.class)
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean(CardinalityGuard.class)
@ConditionalOnObservabilityEnabled("http-client")
public final class HttpClientObservabilityAutoConfiguration {

	HttpClientObservabilityAutoConfiguration() {
	}

	@Bean
	@ConditionalOnMissingBean
	HttpClientTagsMeterFilter httpClientTagsMeterFilter(CardinalityGuard guard) {
		return new HttpClientTagsMeterFilter(guard);
	}

}
