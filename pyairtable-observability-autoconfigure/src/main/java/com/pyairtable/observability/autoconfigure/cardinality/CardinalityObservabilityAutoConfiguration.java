package com.pyairtable.observability.autoconfigure.cardinality;

import java.util.LinkedHashSet;

import com.pyairtable.observability.autoconfigure.core.ConditionalOnObservabilityEnabled;
import com.pyairtable.observability.cardinality.CardinalityGuard;
import com.pyairtable.observability.logging.SecretRedactor;
import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The cardinality guard shared by the business metric binders. Label values are checked
 * by the application's {@link SecretRedactor} (the built-in patterns when there is none,
 * so that turning log redaction off never lets a secret into a label).
 */
@AutoConfiguration(before = MetricsAutoConfiguration.class)
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnObservabilityEnabled
@EnableConfigurationProperties(CardinalityProperties.class)
public final class CardinalityObservabilityAutoConfiguration {

	CardinalityObservabilityAutoConfiguration() {
	}

	@Bean
	@ConditionalOnMissingBean
	CardinalityGuard cardinalityGuard(CardinalityProperties properties, ObjectProvider<SecretRedactor> redactor,
			ObjectProvider<Clock> clock) {
		CardinalityGuard.Builder builder = CardinalityGuard.builder()
			.maxTagValues(properties.getMaxTagValues())
			.maxValueLength(properties.getMaxTagValueLength())
			.maxSeriesPerMetric(properties.getMaxSeriesPerMetric())
			.tagValueTtl(properties.getTagValueTtl())
			.redactor(redactor.getIfAvailable())
			.clock(clock.getIfAvailable(() -> Clock.SYSTEM));
		properties.getTags().forEach((tag, policy) -> {
			if (!policy.getAllowedValues().isEmpty()) {
				builder.allowedValues(tag, new LinkedHashSet<>(policy.getAllowedValues()));
			}
		});
		return builder.build();
	}

}
