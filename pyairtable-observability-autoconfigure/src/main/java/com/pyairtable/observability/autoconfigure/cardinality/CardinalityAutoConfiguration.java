package com.pyairtable.observability.autoconfigure.cardinality;

import com.pyairtable.observability.autoconfigure.core.ConditionalOnObservabilityEnabled;
import com.pyairtable.observability.cardinality.CardinalityGuard;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The cardinality guard shared by the business metric binders.
 */
@AutoConfiguration(before = MetricsAutoConfiguration.class)
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnObservabilityEnabled
@EnableConfigurationProperties(CardinalityProperties.class)
public final class CardinalityAutoConfiguration {

	CardinalityAutoConfiguration() {
	}

	@Bean
	@ConditionalOnMissingBean
	CardinalityGuard cardinalityGuard(CardinalityProperties properties) {
		return new CardinalityGuard(properties.getMaxTagValues(), properties.getMaxTagValueLength());
	}

}
