package com.pyairtable.observability.mcp;

/**
 * Meter and tag names of the MCP server metrics; the names operators query, listed in
 * {@code docs/reference/metrics.md}.
 */
public final class McpMetricNames {

	/** Counter {@code mcp_tool_executions_total{tool,status}}. */
	public static final String TOOL_EXECUTIONS = "mcp.tool.executions";

	/** Timer {@code mcp_tool_duration_seconds{tool}}. */
	public static final String TOOL_DURATION = "mcp.tool.duration";

	/** Counter {@code mcp_protocol_messages_total{direction,type}}. */
	public static final String PROTOCOL_MESSAGES = "mcp.protocol.messages";

	/** Gauge {@code mcp_subprocesses}. */
	public static final String SUBPROCESSES = "mcp.subprocesses";

	/** Tag: the tool name. */
	public static final String TOOL_TAG = "tool";

	/** Tag: {@code success} or {@code error}, or another bounded status. */
	public static final String STATUS_TAG = "status";

	/** Tag: {@code inbound} or {@code outbound}. */
	public static final String DIRECTION_TAG = "direction";

	/**
	 * Tag: the JSON-RPC message kind or method, such as {@code request} or
	 * {@code tools/call}.
	 */
	public static final String TYPE_TAG = "type";

	/** Status of a tool execution that succeeded. */
	public static final String SUCCESS = "success";

	/** Status of a tool execution that failed. */
	public static final String ERROR = "error";

	private McpMetricNames() {
	}

}
