package com.pyairtable.observability.autoconfigure.queue;

import com.pyairtable.observability.autoconfigure.cardinality.CardinalityObservabilityAutoConfiguration;
import com.pyairtable.observability.autoconfigure.core.ConditionalOnObservabilityEnabled;
import com.pyairtable.observability.cardinality.CardinalityGuard;
import com.pyairtable.observability.queue.AsyncJobMetricsAdvisor;
import com.pyairtable.observability.queue.AsyncJobMetricsInterceptor;
import com.pyairtable.observability.queue.ExecutorQueueDepths;
import com.pyairtable.observability.queue.KafkaObservationEnabler;
import com.pyairtable.observability.queue.MessagingObservationHandler;
import com.pyairtable.observability.queue.QueueMetrics;
import com.pyairtable.observability.queue.RabbitObservationEnabler;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Role;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * Queue metrics: the {@link QueueMetrics} API, the depth of every
 * {@link ThreadPoolTaskExecutor} and the outcome of every {@code @Async} job, and, when
 * Spring AMQP or Spring Kafka is present, their observations switched on and counted.
 */
@AutoConfiguration(after = CardinalityObservabilityAutoConfiguration.class)
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean(CardinalityGuard.class)
@ConditionalOnObservabilityEnabled("metrics.queue")
@EnableConfigurationProperties(QueueMetricsProperties.class)
public final class QueueObservabilityAutoConfiguration {

	private static final String RABBIT_PREFIX = "spring.rabbitmq.";

	QueueObservabilityAutoConfiguration() {
	}

	@Bean
	@ConditionalOnMissingBean
	QueueMetrics queueMetrics(CardinalityGuard guard) {
		return new QueueMetrics(guard);
	}

	/** A Boot observation switch counts as on unless the application set it to false. */
	private static boolean enabled(Environment environment, String key) {
		return environment.getProperty(key, Boolean.class, true);
	}

	// The beans below carry their own conditions rather than sit in nested configuration
	// classes: each nested class is read and evaluated at every startup, and the classes
	// they need come with Micrometer and Spring, or are named by string.

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBooleanProperty(name = QueueMetricsProperties.PREFIX + ".executors", matchIfMissing = true)
	static ExecutorQueueDepths executorQueueDepths(ObjectProvider<QueueMetrics> metrics) {
		return new ExecutorQueueDepths(metrics::getObject);
	}

	// Infrastructure role: Boot's default auto-proxy creator only applies such advisors.
	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	@ConditionalOnMissingBean
	@ConditionalOnBooleanProperty(name = QueueMetricsProperties.PREFIX + ".executors", matchIfMissing = true)
	static AsyncJobMetricsAdvisor asyncJobMetricsAdvisor(ObjectProvider<QueueMetrics> metrics,
			ObjectProvider<ExecutorQueueDepths> executors) {
		return new AsyncJobMetricsAdvisor(new AsyncJobMetricsInterceptor(metrics::getObject, executors.getObject()));
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBooleanProperty(name = QueueMetricsProperties.PREFIX + ".messaging", matchIfMissing = true)
	MessagingObservationHandler messagingObservationHandler(ObjectProvider<QueueMetrics> metrics) {
		return new MessagingObservationHandler(metrics::getObject);
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBooleanProperty(name = QueueMetricsProperties.PREFIX + ".messaging", matchIfMissing = true)
	@ConditionalOnClass(name = "org.springframework.amqp.rabbit.core.RabbitTemplate")
	static RabbitObservationEnabler rabbitObservationEnabler(Environment environment) {
		boolean listener = enabled(environment, RABBIT_PREFIX + "listener.simple.observation-enabled")
				&& enabled(environment, RABBIT_PREFIX + "listener.direct.observation-enabled");
		return new RabbitObservationEnabler(enabled(environment, RABBIT_PREFIX + "template.observation-enabled"),
				listener);
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBooleanProperty(name = QueueMetricsProperties.PREFIX + ".messaging", matchIfMissing = true)
	@ConditionalOnClass(name = "org.springframework.kafka.core.KafkaTemplate")
	static KafkaObservationEnabler kafkaObservationEnabler(Environment environment) {
		return new KafkaObservationEnabler(enabled(environment, "spring.kafka.template.observation-enabled"),
				enabled(environment, "spring.kafka.listener.observation-enabled"));
	}

}
