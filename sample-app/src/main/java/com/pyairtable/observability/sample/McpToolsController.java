package com.pyairtable.observability.sample;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import com.pyairtable.observability.mcp.McpDirection;
import com.pyairtable.observability.mcp.McpMetrics;
import jakarta.annotation.PostConstruct;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A small MCP-style tool endpoint, as the MCP server has: each tool call is a protocol
 * message in, a tool execution, and a message out.
 */
@RestController
@RequestMapping("/api/mcp/tools")
public class McpToolsController {

	private final McpMetrics mcp;

	private final JdbcClient jdbc;

	private final AtomicLong calls = new AtomicLong();

	public McpToolsController(McpMetrics mcp, JdbcClient jdbc) {
		this.mcp = mcp;
		this.jdbc = jdbc;
	}

	@PostConstruct
	void startToolProcess() {
		// The platform's MCP server keeps a tool subprocess; the sample pretends to have
		// one.
		this.mcp.subprocessStarted();
	}

	@PostMapping("/{tool}")
	ResponseEntity<Object> call(@PathVariable String tool) {
		this.mcp.recordMessage(McpDirection.INBOUND, "tools/call");
		try {
			Object result = this.mcp.executeTool(tool, () -> {
				if (this.calls.incrementAndGet() % 7 == 0) {
					throw new IllegalStateException("tool failed");
				}
				return this.jdbc.sql("SELECT COUNT(*) FROM records").query(Long.class).single();
			});
			this.mcp.recordMessage(McpDirection.OUTBOUND, "response");
			return ResponseEntity.ok(Map.of("tool", tool, "result", result));
		}
		catch (Exception ex) {
			this.mcp.recordMessage(McpDirection.OUTBOUND, "error");
			return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
				.body(Map.of("tool", tool, "error", "failed"));
		}
	}

}
