package com.pyairtable.observability.queue;

import java.util.concurrent.atomic.AtomicInteger;

import com.pyairtable.observability.cardinality.CardinalityGuard;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class QueueMetricsTests {

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final CardinalityGuard guard = new CardinalityGuard(2, 64);

	private final QueueMetrics metrics = new QueueMetrics(this.guard);

	@Test
	void countsOperationsBySuccessAndError() {
		this.metrics.bindTo(this.registry);
		this.metrics.recordSuccess("emails", QueueMetricNames.PUBLISH);
		this.metrics.recordSuccess("emails", QueueMetricNames.PUBLISH);
		this.metrics.recordError("emails", QueueMetricNames.CONSUME);
		assertThat(count("emails", "publish", "success")).isEqualTo(2);
		assertThat(count("emails", "consume", "error")).isEqualTo(1);
	}

	@Test
	void foldsQueueNamesBeyondTheGuardsCapIntoOther() {
		this.guard.bindTo(this.registry);
		this.metrics.bindTo(this.registry);
		this.metrics.recordSuccess("a", "publish");
		this.metrics.recordSuccess("b", "publish");
		this.metrics.recordSuccess("c", "publish");
		assertThat(count("other", "publish", "success")).isEqualTo(1);
		assertThat(this.registry.get("observability.tag.overflow")
			.tags("metric", QueueMetricNames.OPERATIONS, "tag", "queue")
			.counter()
			.count()).isEqualTo(1);
	}

	@Test
	void publishesDepthsRegisteredBeforeAndAfterBinding() {
		AtomicInteger outbox = new AtomicInteger(3);
		this.metrics.registerDepth("outbox", outbox::get);
		this.metrics.bindTo(this.registry);
		this.metrics.registerDepth("inbox", () -> 7);
		outbox.set(5);
		assertThat(this.registry.get("queue.depth").tag("queue", "outbox").gauge().value()).isEqualTo(5);
		assertThat(this.registry.get("queue.depth").tag("queue", "inbox").gauge().value()).isEqualTo(7);
	}

	@Test
	void aDepthThatFailsReadsAsNotANumber() {
		this.metrics.bindTo(this.registry);
		this.metrics.registerDepth("broken", () -> {
			throw new IllegalStateException("not started");
		});
		assertThat(this.registry.get("queue.depth").tag("queue", "broken").gauge().value()).isNaN();
	}

	@Test
	void recordingBeforeBindingIsIgnored() {
		this.metrics.recordSuccess("early", "publish");
		this.metrics.bindTo(this.registry);
		assertThat(this.registry.find("queue.operations").counters()).isEmpty();
	}

	private double count(String queue, String operation, String status) {
		return this.registry.get("queue.operations")
			.tags("queue", queue, "operation", operation, "status", status)
			.counter()
			.count();
	}

}
