package com.pyairtable.observability.autoconfigure.mcp;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * MCP server metrics.
 */
@ConfigurationProperties(McpMetricsProperties.PREFIX)
public class McpMetricsProperties {

	/** Prefix of the MCP metrics properties. */
	public static final String PREFIX = "pyairtable.observability.metrics.mcp";

	/** Whether the McpMetrics API is provided. */
	private boolean enabled = true;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

}
