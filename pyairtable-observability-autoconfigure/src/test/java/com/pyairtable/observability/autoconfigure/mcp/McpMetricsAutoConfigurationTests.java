package com.pyairtable.observability.autoconfigure.mcp;

import com.pyairtable.observability.autoconfigure.cardinality.CardinalityAutoConfiguration;
import com.pyairtable.observability.cardinality.CardinalityGuard;
import com.pyairtable.observability.mcp.McpMetrics;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class McpMetricsAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CardinalityAutoConfiguration.class, McpMetricsAutoConfiguration.class));

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
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(McpMetricsAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(McpMetrics.class));
	}

	@Test
	void backsOffWhenUserDefinesMetrics() {
		this.runner.withBean("myMcp", McpMetrics.class, () -> new McpMetrics(new CardinalityGuard(1, 1)))
			.run((context) -> assertThat(context).getBean(McpMetrics.class).isSameAs(context.getBean("myMcp")));
	}

}
