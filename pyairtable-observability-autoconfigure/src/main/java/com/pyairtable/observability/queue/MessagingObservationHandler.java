package com.pyairtable.observability.queue;

import java.util.function.Supplier;

import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.transport.ReceiverContext;
import io.micrometer.observation.transport.SenderContext;

/**
 * Derives {@code queue_operations_total{queue,operation,status}} from the messaging
 * observations of Spring AMQP and Spring Kafka (and any other library that observes sends
 * and receives with Micrometer's transport contexts): a send is a {@code publish}, a
 * received message handled by a listener a {@code consume}, an error on the observation an
 * {@code error}. The queue is the observation's {@code messaging.destination.name}.
 */
public class MessagingObservationHandler implements ObservationHandler<Observation.Context> {

	/** The semantic-convention key both Spring AMQP and Spring Kafka set. */
	public static final String DESTINATION_KEY = "messaging.destination.name";

	/** Queue name of an observation without a destination. */
	public static final String UNKNOWN_QUEUE = "unknown";

	private final Supplier<QueueMetrics> metrics;

	/**
	 * Creates the handler.
	 * @param metrics the queue metrics
	 */
	public MessagingObservationHandler(Supplier<QueueMetrics> metrics) {
		this.metrics = metrics;
	}

	@Override
	public boolean supportsContext(Observation.Context context) {
		return context instanceof SenderContext<?> || context instanceof ReceiverContext<?>;
	}

	@Override
	public void onStop(Observation.Context context) {
		try {
			KeyValue destination = context.getLowCardinalityKeyValue(DESTINATION_KEY);
			String queue = (destination != null && !destination.getValue().isBlank()) ? destination.getValue()
					: UNKNOWN_QUEUE;
			String operation = (context instanceof SenderContext<?>) ? QueueMetricNames.PUBLISH
					: QueueMetricNames.CONSUME;
			this.metrics.get()
				.record(queue, operation,
						(context.getError() != null) ? QueueMetricNames.ERROR : QueueMetricNames.SUCCESS);
		}
		catch (RuntimeException ex) {
			// Instrumentation never throws into the messaging library.
		}
	}

}
