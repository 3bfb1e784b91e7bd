package com.pyairtable.observability.queue;

/**
 * Meter and tag names of the queue metrics.
 */
public final class QueueMetricNames {

	/** Counter {@code queue_operations_total{queue,operation,status}}. */
	public static final String OPERATIONS = "queue.operations";

	/** Gauge {@code queue_depth{queue}}: items waiting. */
	public static final String DEPTH = "queue.depth";

	/**
	 * Tag: the queue (executor bean name, AMQP queue or routing destination, Kafka
	 * topic).
	 */
	public static final String QUEUE_TAG = "queue";

	/** Tag: what was done. */
	public static final String OPERATION_TAG = "operation";

	/** Tag: {@code success} or {@code error}. */
	public static final String STATUS_TAG = "status";

	/** Operation: a message sent or a job submitted. */
	public static final String PUBLISH = "publish";

	/** Operation: a message received and handled. */
	public static final String CONSUME = "consume";

	/** Operation: a job run by a task executor. */
	public static final String EXECUTE = "execute";

	/** Status: the operation completed. */
	public static final String SUCCESS = "success";

	/** Status: the operation failed (alerts read this value). */
	public static final String ERROR = "error";

	private QueueMetricNames() {
	}

}
