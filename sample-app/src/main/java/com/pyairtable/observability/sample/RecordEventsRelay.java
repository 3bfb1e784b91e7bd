package com.pyairtable.observability.sample;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * With the {@code services} profile, record events also travel through the real RabbitMQ
 * (spring.rabbitmq.*, localhost:5672 guest/guest by default): Boot's RabbitTemplate
 * publishes, a {@code @RabbitListener} consumes, and the starter counts both and links
 * them in one trace without code here.
 */
public class RecordEventsRelay {

	/** The RabbitMQ queue. */
	static final String QUEUE = "airtable-gateway.record-events";

	private static final Log logger = LogFactory.getLog(RecordEventsRelay.class);

	private final RabbitTemplate template;

	RecordEventsRelay(RabbitTemplate template) {
		this.template = template;
	}

	void publish(String event) {
		try {
			this.template.convertAndSend("", QUEUE, event);
		}
		catch (AmqpException ex) {
			logger.debug("Could not relay " + event, ex);
		}
	}

	@RabbitListener(queues = QUEUE)
	void onEvent(String event) {
		logger.debug("Relayed " + event);
	}

	@Configuration(proxyBeanMethods = false)
	@Profile("services")
	static class RelayConfiguration {

		@Bean
		Queue recordEventsQueue() {
			return new Queue(QUEUE, false);
		}

		@Bean
		RecordEventsRelay recordEventsRelay(RabbitTemplate template) {
			return new RecordEventsRelay(template);
		}

	}

}
