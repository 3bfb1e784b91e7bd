package com.pyairtable.observability.autoconfigure.llm;

import java.util.LinkedHashMap;
import java.util.Map;

import com.pyairtable.observability.autoconfigure.cardinality.CardinalityObservabilityAutoConfiguration;
import com.pyairtable.observability.autoconfigure.core.ConditionalOnObservabilityEnabled;
import com.pyairtable.observability.cardinality.CardinalityGuard;
import com.pyairtable.observability.llm.LlmMetrics;
import com.pyairtable.observability.llm.LlmModelPrice;
import com.pyairtable.observability.llm.SpringAiChatModelObservationHandler;
import com.pyairtable.observability.logging.SecretRedactor;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationHandler;

import org.springframework.ai.chat.observation.ChatModelObservationContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * LLM call metrics and the {@link LlmMetrics} API; with Spring AI, every
 * {@code ChatModel} call is recorded from Spring AI's own observations.
 */
@AutoConfiguration(after = CardinalityObservabilityAutoConfiguration.class)
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean(CardinalityGuard.class)
@ConditionalOnObservabilityEnabled("metrics.llm")
@EnableConfigurationProperties(LlmMetricsProperties.class)
public final class LlmObservabilityAutoConfiguration {

	LlmObservabilityAutoConfiguration() {
	}

	@Bean
	@ConditionalOnMissingBean
	LlmMetrics llmMetrics(CardinalityGuard guard, LlmMetricsProperties properties,
			ObjectProvider<SecretRedactor> redactor) {
		Map<String, LlmModelPrice> prices = new LinkedHashMap<>();
		properties.getPricing()
			.forEach((model, price) -> prices.put(model,
					new LlmModelPrice(price.getInputPerMillionTokens(), price.getOutputPerMillionTokens())));
		return new LlmMetrics(guard, prices, redactor.getIfAvailable(SecretRedactor::withDefaults)::redact);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ ChatModelObservationContext.class, ObservationHandler.class })
	static class SpringAiConfiguration {

		@Bean
		@ConditionalOnMissingBean
		SpringAiChatModelObservationHandler springAiChatModelObservationHandler(LlmMetrics metrics) {
			return new SpringAiChatModelObservationHandler(metrics);
		}

	}

}
