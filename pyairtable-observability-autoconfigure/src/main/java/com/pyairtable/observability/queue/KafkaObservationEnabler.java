package com.pyairtable.observability.queue;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.kafka.config.AbstractKafkaListenerContainerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;

/**
 * Turns Spring Kafka's observations on for every {@link KafkaTemplate}, listener
 * container factory and listener container bean. Spring Boot's
 * {@code spring.kafka.template.observation-enabled} and
 * {@code spring.kafka.listener.observation-enabled} set to {@code false} still turn it
 * off.
 */
public class KafkaObservationEnabler implements BeanPostProcessor {

	private final boolean template;

	private final boolean listener;

	/**
	 * Creates the post-processor.
	 * @param template whether templates are observed
	 * @param listener whether listener containers are observed
	 */
	public KafkaObservationEnabler(boolean template, boolean listener) {
		this.template = template;
		this.listener = listener;
	}

	@Override
	public Object postProcessBeforeInitialization(Object bean, String beanName) {
		if (this.template && bean instanceof KafkaTemplate<?, ?> kafkaTemplate) {
			kafkaTemplate.setObservationEnabled(true);
		}
		else if (this.listener && bean instanceof AbstractKafkaListenerContainerFactory<?, ?, ?> factory) {
			factory.getContainerProperties().setObservationEnabled(true);
		}
		else if (this.listener && bean instanceof AbstractMessageListenerContainer<?, ?> container) {
			container.getContainerProperties().setObservationEnabled(true);
		}
		return bean;
	}

}
