package com.pyairtable.observability.queue;

import org.springframework.amqp.rabbit.config.AbstractRabbitListenerContainerFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.rabbit.listener.AbstractMessageListenerContainer;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Turns Spring AMQP's observations on for every {@link RabbitTemplate}, listener
 * container factory and listener container bean, Spring Boot's and the application's own,
 * so that a message carries its trace from publisher to consumer and is counted both
 * ways. Spring Boot's {@code spring.rabbitmq.template.observation-enabled} and
 * {@code spring.rabbitmq.listener.*.observation-enabled} set to {@code false} still turn
 * it off.
 */
public class RabbitObservationEnabler implements BeanPostProcessor {

	private final boolean template;

	private final boolean listener;

	/**
	 * Creates the post-processor.
	 * @param template whether templates are observed
	 * @param listener whether listener containers are observed
	 */
	public RabbitObservationEnabler(boolean template, boolean listener) {
		this.template = template;
		this.listener = listener;
	}

	@Override
	public Object postProcessBeforeInitialization(Object bean, String beanName) {
		if (this.template && bean instanceof RabbitTemplate rabbitTemplate) {
			rabbitTemplate.setObservationEnabled(true);
		}
		else if (this.listener && bean instanceof AbstractRabbitListenerContainerFactory<?> factory) {
			factory.setObservationEnabled(true);
		}
		else if (this.listener && bean instanceof AbstractMessageListenerContainer container) {
			container.setObservationEnabled(true);
		}
		return bean;
	}

}
