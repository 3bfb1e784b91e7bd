package com.pyairtable.observability.sample;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

import com.pyairtable.observability.queue.QueueMetricNames;

import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;

/**
 * Consumes record events on Spring Boot's {@code applicationTaskExecutor}. Every tenth
 * event fails on purpose, so that {@code queue_operations_total{status="error"}} (the
 * background job failure ratio) has data too.
 */
@Component
public class RecordIndexer {

	private final AtomicLong indexed = new AtomicLong();

	/**
	 * Indexes the oldest event. A failure completes the returned future exceptionally, as
	 * a job whose caller handles the outcome does (a void method's exception would be
	 * logged by Spring's default handler instead).
	 * @param events the queue to take the event from
	 * @return the outcome of indexing, completed at once when the queue is empty
	 */
	@Async
	public CompletableFuture<Void> drainOne(RecordEvents events) {
		String event = events.poll();
		if (event == null) {
			return CompletableFuture.completedFuture(null);
		}
		if (this.indexed.incrementAndGet() % 10 == 0) {
			events.metrics().recordError(RecordEvents.QUEUE, QueueMetricNames.CONSUME);
			return CompletableFuture.failedFuture(new IllegalStateException("Could not index " + event));
		}
		events.metrics().recordSuccess(RecordEvents.QUEUE, QueueMetricNames.CONSUME);
		return CompletableFuture.completedFuture(null);
	}

}
