package com.pyairtable.observability.queue;

import com.pyairtable.observability.cardinality.CardinalityGuard;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.ReceiverContext;
import io.micrometer.observation.transport.RequestReplyReceiverContext;
import io.micrometer.observation.transport.RequestReplySenderContext;
import io.micrometer.observation.transport.SenderContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MessagingObservationHandlerTests {

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final ObservationRegistry observations = ObservationRegistry.create();

	MessagingObservationHandlerTests() {
		QueueMetrics metrics = new QueueMetrics(new CardinalityGuard(10, 64));
		metrics.bindTo(this.meters);
		this.observations.observationConfig().observationHandler(new MessagingObservationHandler(() -> metrics));
	}

	@Test
	void countsSendsAsPublishesAndReceivesAsConsumes() {
		Observation.createNotStarted("send", () -> new SenderContext<>((carrier, key, value) -> {
		}), this.observations).lowCardinalityKeyValue("messaging.destination.name", "invoices").observe(() -> {
		});
		Observation receive = Observation
			.createNotStarted("receive", () -> new ReceiverContext<>((carrier, key) -> null), this.observations)
			.lowCardinalityKeyValue("messaging.destination.name", "invoices")
			.start();
		receive.error(new IllegalStateException("listener failed"));
		receive.stop();
		assertThat(count("invoices", "publish", "success")).isEqualTo(1);
		assertThat(count("invoices", "consume", "error")).isEqualTo(1);
	}

	@Test
	void ignoresHttpExchanges() {
		Observation.createNotStarted("http.client.requests",
				() -> new RequestReplySenderContext<Object, Object>((carrier, key, value) -> {
				}), this.observations)
			.observe(() -> {
			});
		Observation
			.createNotStarted("http.server.requests",
					() -> new RequestReplyReceiverContext<Object, Object>((carrier, key) -> null), this.observations)
			.observe(() -> {
			});
		assertThat(this.meters.find("queue.operations").counters()).isEmpty();
	}

	private double count(String queue, String operation, String status) {
		return this.meters.get("queue.operations")
			.tags("queue", queue, "operation", operation, "status", status)
			.counter()
			.count();
	}

}
