package com.pyairtable.observability.autoconfigure.httpclient;

import com.pyairtable.observability.autoconfigure.cardinality.CardinalityObservabilityAutoConfiguration;
import com.pyairtable.observability.autoconfigure.core.ConditionalOnObservabilityEnabled;
import com.pyairtable.observability.autoconfigure.core.ObservabilityAutoConfiguration;
import com.pyairtable.observability.autoconfigure.core.ObservabilityProperties;
import com.pyairtable.observability.cardinality.CardinalityGuard;
import com.pyairtable.observability.http.LatencyBucketsMeterFilter;
import com.pyairtable.observability.httpclient.HttpClientTagsMeterFilter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;

/**
 * Outbound HTTP calls: Spring's own {@code http.client.requests} observation (recorded
 * for every client built from Boot's builders) is the source; this bounds its
 * {@code client.name} tag with the cardinality guard and gives it the same latency
 * buckets as {@code http.server.requests}, so that outbound p95 and p99 can be read in
 * PromQL.
 */
@AutoConfiguration(after = { CardinalityObservabilityAutoConfiguration.class, ObservabilityAutoConfiguration.class })
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

	@Bean
	@Order(LatencyBucketsMeterFilter.ORDER)
	@ConditionalOnMissingBean(name = "httpClientLatencyBucketsMeterFilter")
	LatencyBucketsMeterFilter httpClientLatencyBucketsMeterFilter(ObjectProvider<ObservabilityProperties> properties,
			Environment environment) {
		String name = environment.getProperty("management.observations.http.client.requests.name",
				HttpClientTagsMeterFilter.METRIC);
		ObservabilityProperties observability = properties.getIfAvailable(ObservabilityProperties::new);
		return new LatencyBucketsMeterFilter(name, observability.getHttp().getLatencyBuckets());
	}

}
