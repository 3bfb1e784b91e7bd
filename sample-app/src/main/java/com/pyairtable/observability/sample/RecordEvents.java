package com.pyairtable.observability.sample;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.pyairtable.observability.queue.QueueMetricNames;
import com.pyairtable.observability.queue.QueueMetrics;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * An in-memory queue of record events, as a service keeps an outbox: published at a
 * steady pace while sample traffic is on, drained by {@link RecordIndexer}'s
 * {@code @Async} jobs. It shows the typed queue API ({@code queue_operations_total} and
 * {@code queue_depth} of {@code record-events}); the jobs show the {@code @Async}
 * executor's own.
 */
@Component
public class RecordEvents implements SmartLifecycle {

	/** Name of the queue in the metrics. */
	static final String QUEUE = "record-events";

	private final BlockingQueue<String> events = new LinkedBlockingQueue<>(1000);

	private final QueueMetrics metrics;

	private final RecordIndexer indexer;

	private final ObjectProvider<RecordEventsRelay> relay;

	private final boolean traffic;

	private final AtomicLong sequence = new AtomicLong();

	private volatile ScheduledExecutorService scheduler;

	public RecordEvents(QueueMetrics metrics, RecordIndexer indexer, ObjectProvider<RecordEventsRelay> relay,
			SampleProperties properties) {
		this.metrics = metrics;
		this.indexer = indexer;
		this.relay = relay;
		this.traffic = properties.getTraffic().isEnabled();
		metrics.registerDepth(QUEUE, this.events::size);
	}

	/**
	 * Publishes one event; a full queue counts as a failed publish.
	 * @param event the event
	 */
	public void publish(String event) {
		if (this.events.offer(event)) {
			this.metrics.recordSuccess(QUEUE, QueueMetricNames.PUBLISH);
			this.indexer.drainOne(this);
			// With the services profile the event also goes through RabbitMQ.
			this.relay.ifAvailable((relay) -> relay.publish(event));
		}
		else {
			this.metrics.recordError(QUEUE, QueueMetricNames.PUBLISH);
		}
	}

	/** Takes the oldest event, if any. */
	String poll() {
		return this.events.poll();
	}

	QueueMetrics metrics() {
		return this.metrics;
	}

	@Override
	public void start() {
		if (!this.traffic) {
			return;
		}
		ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor((runnable) -> {
			Thread thread = new Thread(runnable, "sample-record-events");
			thread.setDaemon(true);
			return thread;
		});
		scheduler.scheduleWithFixedDelay(() -> publish("record-" + this.sequence.incrementAndGet()), 250, 250,
				TimeUnit.MILLISECONDS);
		this.scheduler = scheduler;
	}

	@Override
	public void stop() {
		ScheduledExecutorService scheduler = this.scheduler;
		if (scheduler != null) {
			scheduler.shutdownNow();
		}
		this.scheduler = null;
	}

	@Override
	public boolean isRunning() {
		return this.scheduler != null;
	}

}
