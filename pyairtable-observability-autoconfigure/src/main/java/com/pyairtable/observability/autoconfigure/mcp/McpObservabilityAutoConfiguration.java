package com.pyairtable.observability.autoconfigure.mcp;

import com.pyairtable.observability.autoconfigure.cardinality.CardinalityObservabilityAutoConfiguration;
import com.pyairtable.observability.autoconfigure.core.ConditionalOnObservabilityEnabled;
import com.pyairtable.observability.cardinality.CardinalityGuard;
import com.pyairtable.observability.mcp.McpMetrics;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * MCP server metrics and the {@link McpMetrics} API.
 */
@AutoConfiguration(after = CardinalityObservabilityAutoConfiguration.class)
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean(CardinalityGuard.class)
@ConditionalOnObservabilityEnabled("metrics.mcp")
@EnableConfigurationProperties(McpMetricsProperties.class)
public final class McpObservabilityAutoConfiguration {

	McpObservabilityAutoConfiguration() {
	}

	@Bean
	@ConditionalOnMissingBean
	McpMetrics mcpMetrics(CardinalityGuard guard) {
		return new McpMetrics(guard);
	}

}
