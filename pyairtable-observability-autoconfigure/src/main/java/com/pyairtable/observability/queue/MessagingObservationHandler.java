package com.pyairtable.observability.queue;

import java.util.function.Supplier;

import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.transport.ReceiverContext;
import io.micrometer.observation.transport.RequestReplyReceiverContext;
import io.micrometer.observation.transport.RequestReplySenderContext;
import io.micrometer.observation.transport.SenderContext;
import org.jspecify.annotations.Nullable;

import org.springframework.amqp.rabbit.support.micrometer.RabbitMessageSenderContext;
import org.springframework.util.ClassUtils;

/**
 * Derives {@code queue_operations_total{queue,operation,status}} from the messaging
 * observations of Spring AMQP and Spring Kafka (and any other library that observes sends
 * and receives with Micrometer's transport contexts): a send is a {@code publish}, a
 * received message handled by a listener a {@code consume}, an error on the observation
 * an {@code error}. The queue is the observation's {@code messaging.destination.name}.
 */
public class MessagingObservationHandler implements ObservationHandler<Observation.Context> {

	/** The semantic-convention key both Spring AMQP and Spring Kafka set. */
	public static final String DESTINATION_KEY = "messaging.destination.name";

	/** Queue name of an observation without a destination. */
	public static final String UNKNOWN_QUEUE = "unknown";

	private static final boolean RABBIT_PRESENT = ClassUtils.isPresent(
			"org.springframework.amqp.rabbit.support.micrometer.RabbitMessageSenderContext",
			MessagingObservationHandler.class.getClassLoader());

	private final Supplier<QueueMetrics> metrics;

	/**
	 * Creates the handler.
	 * @param metrics the queue metrics
	 */
	public MessagingObservationHandler(Supplier<QueueMetrics> metrics) {
		this.metrics = metrics;
	}

	/**
	 * Messages only: HTTP exchanges are request-reply transport contexts, counted by
	 * {@code http_server_requests} and {@code http_client_requests} instead.
	 */
	@Override
	public boolean supportsContext(Observation.Context context) {
		return (context instanceof SenderContext<?> && !(context instanceof RequestReplySenderContext<?, ?>))
				|| (context instanceof ReceiverContext<?> && !(context instanceof RequestReplyReceiverContext<?, ?>));
	}

	private static String fallbackQueue(Observation.Context context) {
		String queue = RABBIT_PRESENT ? RabbitDestination.of(context) : null;
		return (queue != null && !queue.isBlank()) ? queue : UNKNOWN_QUEUE;
	}

	@Override
	public void onStop(Observation.Context context) {
		try {
			KeyValue destination = context.getLowCardinalityKeyValue(DESTINATION_KEY);
			String queue = (destination != null && !destination.getValue().isBlank()) ? destination.getValue()
					: fallbackQueue(context);
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

	/** Loaded only when Spring AMQP is present. */
	private static final class RabbitDestination {

		/**
		 * A publish to the default exchange has no destination name: its routing key is
		 * the queue. A publish to a named exchange is named after the exchange.
		 */
		static @Nullable String of(Observation.Context context) {
			if (context instanceof RabbitMessageSenderContext sender) {
				return sender.getExchange().isEmpty() ? sender.getRoutingKey() : sender.getExchange();
			}
			return null;
		}

	}

}
