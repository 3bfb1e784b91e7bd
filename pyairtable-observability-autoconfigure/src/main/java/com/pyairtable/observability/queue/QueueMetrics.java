package com.pyairtable.observability.queue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

import com.pyairtable.observability.cardinality.BoundedTag;
import com.pyairtable.observability.cardinality.CardinalityGuard;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter.MeterProvider;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Queue operations ({@code queue_operations_total{queue,operation,status}}) and queue
 * depths ({@code queue_depth{queue}}), the queue name bounded by the cardinality guard.
 * Nothing here throws into the caller. <pre class="code">
 * queueMetrics.recordSuccess("emails", QueueMetricNames.PUBLISH);
 * queueMetrics.registerDepth("emails", outbox::size);
 * </pre>
 */
public class QueueMetrics implements MeterBinder {

	private static final Log logger = LogFactory.getLog(QueueMetrics.class);

	private final BoundedTag operationsQueue;

	private final BoundedTag depthQueue;

	private final List<MeterRegistry> registries = new CopyOnWriteArrayList<>();

	private final Map<String, Supplier<? extends @Nullable Number>> depths = new ConcurrentHashMap<>();

	private volatile @Nullable MeterProvider<Counter> operations;

	/**
	 * Creates the metrics.
	 * @param guard the cardinality guard bounding the queue names
	 */
	public QueueMetrics(CardinalityGuard guard) {
		this.operationsQueue = guard.tag(QueueMetricNames.OPERATIONS, QueueMetricNames.QUEUE_TAG);
		this.depthQueue = guard.tag(QueueMetricNames.DEPTH, QueueMetricNames.QUEUE_TAG);
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		this.operations = Counter.builder(QueueMetricNames.OPERATIONS)
			.description("Queue operations by queue, operation and status (success or error)")
			.withRegistry(registry);
		this.registries.add(registry);
		this.depths.forEach((queue, depth) -> registerDepth(registry, queue, depth));
	}

	/**
	 * Records an operation that completed.
	 * @param queue the queue name
	 * @param operation for example {@link QueueMetricNames#PUBLISH}
	 */
	public void recordSuccess(String queue, String operation) {
		record(queue, operation, QueueMetricNames.SUCCESS);
	}

	/**
	 * Records an operation that failed.
	 * @param queue the queue name
	 * @param operation for example {@link QueueMetricNames#CONSUME}
	 */
	public void recordError(String queue, String operation) {
		record(queue, operation, QueueMetricNames.ERROR);
	}

	/**
	 * Records an operation.
	 * @param queue the queue name
	 * @param operation what was done
	 * @param status {@link QueueMetricNames#SUCCESS} or {@link QueueMetricNames#ERROR}
	 */
	public void record(String queue, String operation, String status) {
		try {
			MeterProvider<Counter> operations = this.operations;
			if (operations == null) {
				return;
			}
			operations
				.withTags(QueueMetricNames.QUEUE_TAG, this.operationsQueue.value(queue), QueueMetricNames.OPERATION_TAG,
						operation, QueueMetricNames.STATUS_TAG, status)
				.increment();
		}
		catch (RuntimeException ex) {
			logger.debug("Could not record a queue operation", ex);
		}
	}

	/**
	 * Publishes the depth of a queue, read at each scrape; the first registration of a
	 * name wins. The supplier must be cheap and must not block (no broker round trip).
	 * @param queue the queue name
	 * @param depth the number of items waiting, {@code null} when unknown
	 */
	public void registerDepth(String queue, Supplier<? extends @Nullable Number> depth) {
		if (this.depths.putIfAbsent(queue, depth) == null) {
			this.registries.forEach((registry) -> registerDepth(registry, queue, depth));
		}
	}

	private void registerDepth(MeterRegistry registry, String queue, Supplier<? extends @Nullable Number> depth) {
		try {
			Gauge.builder(QueueMetricNames.DEPTH, () -> readDepth(depth))
				.description("Items waiting in the queue")
				.tag(QueueMetricNames.QUEUE_TAG, this.depthQueue.value(queue))
				.register(registry);
		}
		catch (RuntimeException ex) {
			logger.debug("Could not register a queue depth", ex);
		}
	}

	private static @Nullable Number readDepth(Supplier<? extends @Nullable Number> depth) {
		try {
			return depth.get();
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

}
