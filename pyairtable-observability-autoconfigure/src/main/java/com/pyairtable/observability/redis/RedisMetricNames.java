package com.pyairtable.observability.redis;

/**
 * Meter and tag names of the Redis metrics. Latency is Lettuce's own
 * {@code lettuce_command_completion_seconds{command}}.
 */
public final class RedisMetricNames {

	/** Counter {@code redis_operations_total{command,status}}. */
	public static final String OPERATIONS = "redis.operations";

	/** Tag: the Redis command, as Lettuce names it ({@code GET}, {@code INCR}). */
	public static final String COMMAND_TAG = "command";

	/** Tag: {@code success} or {@code error}. */
	public static final String STATUS_TAG = "status";

	/** Status of a command Redis answered. */
	public static final String SUCCESS = "success";

	/** Status of a command that failed: an error reply, a timeout, a lost connection. */
	public static final String ERROR = "error";

	private RedisMetricNames() {
	}

}
