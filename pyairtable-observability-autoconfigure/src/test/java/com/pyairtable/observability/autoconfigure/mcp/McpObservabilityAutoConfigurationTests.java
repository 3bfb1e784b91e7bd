package com.pyairtable.observability.autoconfigure.mcp;

import com.pyairtable.observability.autoconfigure.cardinality.CardinalityObservabilityAutoConfiguration;
import com.pyairtable.observability.cardinality.CardinalityGuard;
import com.pyairtable.observability.mcp.McpMetrics;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class McpObservabilityAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(AutoConfigurations
		.of(CardinalityObservabilityAutoConfiguration.class, McpObservabilityAutoConfiguration.class));

	@Test
	void providesTheApi() {
		this.runner.run((context) -> assertThat(context).hasSingleBean(McpMetrics.class));
	}

	@Test
	void backsOffWhenDisabled() {
		this.runner.withPropertyValues("pyairtable.observability.metrics.mcp.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(McpMetrics.class));
	}

	@Test
	void backsOffWhenTheGuardIsMissing() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(McpObservabilityAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(McpMetrics.class));
	}

	@Test
	void backsOffWhenUserDefinesMetrics() {
		this.runner.withBean("myMcp", McpMetrics.class, () -> new McpMetrics(new CardinalityGuard(1, 1)))
			.run((context) -> assertThat(context).getBean(McpMetrics.class).isSameAs(context.getBean("myMcp")));
	}

}
