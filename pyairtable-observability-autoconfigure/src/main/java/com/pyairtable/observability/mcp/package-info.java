/**
 * MCP server metrics: tool executions, protocol messages and subprocesses.
 */
@NullMarked
package com.pyairtable.observability.mcp;

import org.jspecify.annotations.NullMarked;
