package com.pyairtable.observability.mcp;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.pyairtable.observability.cardinality.BoundedTag;
import com.pyairtable.observability.cardinality.CardinalityGuard;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter.MeterProvider;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Records the work of an MCP server: tool executions, protocol messages and the
 * subprocesses it runs. Nothing here throws, except {@link #executeTool} which rethrows
 * what the tool threw.
 */
public class McpMetrics implements MeterBinder {

	private static final Log logger = LogFactory.getLog(McpMetrics.class);

	private final BoundedTag executionTool;

	private final BoundedTag executionStatus;

	private final BoundedTag durationTool;

	private final BoundedTag messageType;

	private final AtomicInteger subprocesses = new AtomicInteger();

	private volatile @Nullable Meters meters;

	/**
	 * Creates the metrics.
	 * @param guard the cardinality guard
	 */
	public McpMetrics(CardinalityGuard guard) {
		this.executionTool = guard.tag(McpMetricNames.TOOL_EXECUTIONS, McpMetricNames.TOOL_TAG);
		this.executionStatus = guard.tag(McpMetricNames.TOOL_EXECUTIONS, McpMetricNames.STATUS_TAG);
		this.durationTool = guard.tag(McpMetricNames.TOOL_DURATION, McpMetricNames.TOOL_TAG);
		this.messageType = guard.tag(McpMetricNames.PROTOCOL_MESSAGES, McpMetricNames.TYPE_TAG);
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		this.meters = new Meters(registry);
		Gauge.builder(McpMetricNames.SUBPROCESSES, this.subprocesses, AtomicInteger::get)
			.description("MCP subprocesses running now")
			.register(registry);
	}

	/**
	 * Records one tool execution.
	 * @param tool the tool name
	 * @param status {@code success}, {@code error} or another bounded status
	 * @param duration how long it took
	 */
	public void recordToolExecution(String tool, String status, Duration duration) {
		Meters meters = this.meters;
		if (meters == null) {
			return;
		}
		try {
			meters.executions
				.withTags(McpMetricNames.TOOL_TAG, this.executionTool.value(tool), McpMetricNames.STATUS_TAG,
						this.executionStatus.value(status))
				.increment();
			meters.duration.withTags(McpMetricNames.TOOL_TAG, this.durationTool.value(tool))
				.record(duration.toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (RuntimeException ex) {
			logger.debug("Could not record an MCP tool execution", ex);
		}
	}

	/**
	 * Runs a tool and records it: {@code success} when it returns, {@code error} when it
	 * throws (and the exception is rethrown).
	 * @param <T> the result type
	 * @param tool the tool name
	 * @param execution the tool's work
	 * @return the tool's result
	 * @throws Exception what the tool threw
	 */
	public <T> T executeTool(String tool, Callable<T> execution) throws Exception {
		long start = System.nanoTime();
		String status = McpMetricNames.ERROR;
		try {
			T result = execution.call();
			status = McpMetricNames.SUCCESS;
			return result;
		}
		finally {
			recordToolExecution(tool, status, Duration.ofNanos(System.nanoTime() - start));
		}
	}

	/**
	 * Records one protocol message.
	 * @param direction which way it went
	 * @param type the JSON-RPC kind or method, such as {@code request},
	 * {@code tools/call}
	 */
	public void recordMessage(McpDirection direction, String type) {
		Meters meters = this.meters;
		if (meters == null) {
			return;
		}
		try {
			meters.messages
				.withTags(McpMetricNames.DIRECTION_TAG, direction.tagValue(), McpMetricNames.TYPE_TAG,
						this.messageType.value(type))
				.increment();
		}
		catch (RuntimeException ex) {
			logger.debug("Could not record an MCP message", ex);
		}
	}

	/**
	 * Counts a subprocess started; pair with {@link #subprocessStopped()}.
	 */
	public void subprocessStarted() {
		this.subprocesses.incrementAndGet();
	}

	/**
	 * Counts a subprocess ended; never goes below zero.
	 */
	public void subprocessStopped() {
		this.subprocesses.getAndUpdate((current) -> Math.max(0, current - 1));
	}

	/**
	 * Sets the number of subprocesses running now.
	 * @param count the count
	 */
	public void setSubprocesses(int count) {
		this.subprocesses.set(Math.max(0, count));
	}

	private static final class Meters {

		private final MeterProvider<Counter> executions;

		private final MeterProvider<Timer> duration;

		private final MeterProvider<Counter> messages;

		Meters(MeterRegistry registry) {
			this.executions = Counter.builder(McpMetricNames.TOOL_EXECUTIONS)
				.description("MCP tool executions")
				.withRegistry(registry);
			this.duration = Timer.builder(McpMetricNames.TOOL_DURATION)
				.description("Duration of MCP tool executions")
				.publishPercentileHistogram()
				.minimumExpectedValue(Duration.ofMillis(1))
				.maximumExpectedValue(Duration.ofMinutes(5))
				.withRegistry(registry);
			this.messages = Counter.builder(McpMetricNames.PROTOCOL_MESSAGES)
				.description("MCP protocol messages")
				.withRegistry(registry);
		}

	}

}
