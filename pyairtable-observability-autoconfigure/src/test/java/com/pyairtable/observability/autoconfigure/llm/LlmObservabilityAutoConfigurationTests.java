package com.pyairtable.observability.autoconfigure.llm;

import java.util.Map;

import com.pyairtable.observability.autoconfigure.cardinality.CardinalityObservabilityAutoConfiguration;
import com.pyairtable.observability.cardinality.CardinalityGuard;
import com.pyairtable.observability.llm.LlmMetrics;
import com.pyairtable.observability.llm.LlmModelPrice;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class LlmObservabilityAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(AutoConfigurations
		.of(CardinalityObservabilityAutoConfiguration.class, LlmObservabilityAutoConfiguration.class));

	@Test
	void bindsThePriceTableWithDottedModelNames() {
		this.runner
			.withPropertyValues(
					"pyairtable.observability.metrics.llm.pricing.[gemini-2.5-flash].input-per-million-tokens=0.30",
					"pyairtable.observability.metrics.llm.pricing.[gemini-2.5-flash].output-per-million-tokens=2.50",
					"pyairtable.observability.metrics.llm.pricing.gpt-4o.input-per-million-tokens=2.5")
			.run((context) -> {
				LlmMetrics metrics = context.getBean(LlmMetrics.class);
				assertThat(metrics.price("gemini-2.5-flash")).isEqualTo(new LlmModelPrice(0.30, 2.50));
				assertThat(metrics.price("gpt-4o")).isEqualTo(new LlmModelPrice(2.5, 0));
				assertThat(metrics.price("unknown")).isNull();
			});
	}

	@Test
	void backsOffWhenDisabled() {
		this.runner.withPropertyValues("pyairtable.observability.metrics.llm.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(LlmMetrics.class));
	}

	@Test
	void backsOffWhenUserDefinesMetrics() {
		this.runner.withBean("myLlm", LlmMetrics.class, () -> new LlmMetrics(new CardinalityGuard(1, 1), Map.of()))
			.run((context) -> assertThat(context).getBean(LlmMetrics.class).isSameAs(context.getBean("myLlm")));
	}

	@Test
	void failsOnANegativePrice() {
		this.runner.withPropertyValues("pyairtable.observability.metrics.llm.pricing.m.input-per-million-tokens=-1")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("pyairtable.observability.metrics.llm.pricing.<model>.input-per-million-tokens")
				.hasMessageContaining("-1.0"));
	}

}
