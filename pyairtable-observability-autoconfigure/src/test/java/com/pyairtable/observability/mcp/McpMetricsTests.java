package com.pyairtable.observability.mcp;

import java.time.Duration;

import com.pyairtable.observability.cardinality.CardinalityGuard;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class McpMetricsTests {

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final McpMetrics metrics = new McpMetrics(new CardinalityGuard(100, 64));

	McpMetricsTests() {
		this.metrics.bindTo(this.registry);
	}

	@Test
	void recordsToolExecutionsWithStatusAndDuration() throws Exception {
		assertThat(this.metrics.executeTool("list_records", () -> "ok")).isEqualTo("ok");
		assertThatIllegalStateException().isThrownBy(() -> this.metrics.executeTool("list_records", () -> {
			throw new IllegalStateException("boom");
		}));
		this.metrics.recordToolExecution("create_record", "success", Duration.ofMillis(20));
		assertThat(this.registry.get("mcp.tool.executions")
			.tags("tool", "list_records", "status", "success")
			.counter()
			.count()).isEqualTo(1);
		assertThat(this.registry.get("mcp.tool.executions")
			.tags("tool", "list_records", "status", "error")
			.counter()
			.count()).isEqualTo(1);
		assertThat(this.registry.get("mcp.tool.duration").tag("tool", "list_records").timer().count()).isEqualTo(2);
		assertThat(this.registry.get("mcp.tool.duration").tag("tool", "create_record").timer().count()).isEqualTo(1);
	}

	@Test
	void recordsProtocolMessagesAndSubprocesses() {
		this.metrics.recordMessage(McpDirection.INBOUND, "tools/call");
		this.metrics.recordMessage(McpDirection.OUTBOUND, "response");
		this.metrics.subprocessStarted();
		this.metrics.subprocessStarted();
		this.metrics.subprocessStopped();
		assertThat(this.registry.get("mcp.protocol.messages")
			.tags("direction", "inbound", "type", "tools/call")
			.counter()
			.count()).isEqualTo(1);
		assertThat(this.registry.get("mcp.protocol.messages")
			.tags("direction", "outbound", "type", "response")
			.counter()
			.count()).isEqualTo(1);
		assertThat(this.registry.get("mcp.subprocesses").gauge().value()).isEqualTo(1);
		this.metrics.subprocessStopped();
		this.metrics.subprocessStopped();
		assertThat(this.registry.get("mcp.subprocesses").gauge().value()).isZero();
	}

}
