package com.pyairtable.observability.autoconfigure.queue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import com.pyairtable.observability.autoconfigure.cardinality.CardinalityObservabilityAutoConfiguration;
import com.pyairtable.observability.queue.AsyncJobMetricsAdvisor;
import com.pyairtable.observability.queue.ExecutorQueueDepths;
import com.pyairtable.observability.queue.KafkaObservationEnabler;
import com.pyairtable.observability.queue.MessagingObservationHandler;
import com.pyairtable.observability.queue.QueueMetrics;
import com.pyairtable.observability.queue.RabbitObservationEnabler;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.Search;
import org.junit.jupiter.api.Test;

import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.aop.AopAutoConfiguration;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.annotation.EnableAsync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.awaitility.Awaitility.await;

class QueueObservabilityAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(MetricsAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class,
					CompositeMeterRegistryAutoConfiguration.class, ObservationAutoConfiguration.class,
					CardinalityObservabilityAutoConfiguration.class, QueueObservabilityAutoConfiguration.class));

	@Test
	void countsAsyncJobsBySuccessAndErrorAndPublishesTheExecutorsDepth() {
		this.runner
			.withConfiguration(AutoConfigurations.of(TaskExecutionAutoConfiguration.class, AopAutoConfiguration.class))
			.withUserConfiguration(AsyncJobsConfiguration.class)
			.run((context) -> {
				Jobs jobs = context.getBean(Jobs.class);
				jobs.succeed();
				jobs.succeed();
				jobs.fail();
				jobs.failLater();
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
					assertThat(count(registry, "applicationTaskExecutor", "execute", "success")).isEqualTo(2);
					assertThat(count(registry, "applicationTaskExecutor", "execute", "error")).isEqualTo(2);
				});
				assertThat(registry.get("queue.depth").tag("queue", "applicationTaskExecutor").gauge().value())
					.isZero();
			});
	}

	@Test
	void providesTheTypedApiAndTheMessagingHandler() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(QueueMetrics.class)
				.hasSingleBean(MessagingObservationHandler.class)
				.hasSingleBean(ExecutorQueueDepths.class)
				.hasSingleBean(AsyncJobMetricsAdvisor.class)
				.hasSingleBean(RabbitObservationEnabler.class)
				.hasSingleBean(KafkaObservationEnabler.class);
			context.getBean(QueueMetrics.class).recordError("emails", "publish");
			assertThat(count(context.getBean(MeterRegistry.class), "emails", "publish", "error")).isEqualTo(1);
		});
	}

	@Test
	void backsOffWhenQueueMetricsAreDisabled() {
		this.runner.withPropertyValues("pyairtable.observability.metrics.queue.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(QueueMetrics.class)
				.doesNotHaveBean(MessagingObservationHandler.class));
	}

	@Test
	void leavesExecutorsAndMessagingAloneWhenTurnedOff() {
		this.runner
			.withPropertyValues("pyairtable.observability.metrics.queue.executors=false",
					"pyairtable.observability.metrics.queue.messaging=false")
			.run((context) -> assertThat(context).hasSingleBean(QueueMetrics.class)
				.doesNotHaveBean(ExecutorQueueDepths.class)
				.doesNotHaveBean(AsyncJobMetricsAdvisor.class)
				.doesNotHaveBean(MessagingObservationHandler.class)
				.doesNotHaveBean(RabbitObservationEnabler.class));
	}

	@Test
	void needsNeitherSpringAmqpNorSpringKafka() {
		this.runner.withClassLoader(new FilteredClassLoader(RabbitTemplate.class, KafkaTemplate.class))
			.run((context) -> assertThat(context).hasSingleBean(MessagingObservationHandler.class)
				.doesNotHaveBean(RabbitObservationEnabler.class)
				.doesNotHaveBean(KafkaObservationEnabler.class));
	}

	@Test
	void userQueueMetricsWin() {
		this.runner
			.withBean("myQueueMetrics", QueueMetrics.class,
					() -> new QueueMetrics(new com.pyairtable.observability.cardinality.CardinalityGuard(5, 10)))
			.run((context) -> assertThat(context).getBean(QueueMetrics.class)
				.isSameAs(context.getBean("myQueueMetrics")));
	}

	/**
	 * No Kafka broker runs here: the wiring is proven on Boot's own beans, and a send to
	 * a closed loopback port shows the template's observation counted as a failed
	 * publish.
	 */
	@Test
	void switchesKafkaObservationsOnForBootsTemplateAndListenerFactory() {
		this.runner.withConfiguration(AutoConfigurations.of(KafkaAutoConfiguration.class))
			.withPropertyValues("spring.kafka.bootstrap-servers=127.0.0.1:" + closedPort(),
					"spring.kafka.producer.properties.max.block.ms=300",
					// The observation asks the admin client for the cluster id: give up
					// quickly.
					"spring.kafka.admin.operation-timeout=1s", "spring.kafka.admin.close-timeout=1s",
					"spring.kafka.admin.properties.default.api.timeout.ms=1000",
					"spring.kafka.admin.properties.request.timeout.ms=500")
			.run((context) -> {
				assertThat(context.getBean(ConcurrentKafkaListenerContainerFactory.class)
					.getContainerProperties()
					.isObservationEnabled()).isTrue();
				KafkaTemplate<Object, Object> template = context.getBean(KafkaTemplate.class);
				// The producer would wait for the absent broker for 30 s when the context
				// closes.
				((DefaultKafkaProducerFactory<?, ?>) template.getProducerFactory()).setPhysicalCloseTimeout(0);
				assertThatException().isThrownBy(() -> template.send("invoices", "hello").get());
				assertThat(count(context.getBean(MeterRegistry.class), "invoices", "publish", "error")).isEqualTo(1);
			});
	}

	@Test
	void keepsKafkaListenerObservationsOffWhenTheApplicationSaysSo() {
		this.runner.withConfiguration(AutoConfigurations.of(KafkaAutoConfiguration.class))
			.withPropertyValues("spring.kafka.listener.observation-enabled=false")
			.run((context) -> assertThat(context.getBean(ConcurrentKafkaListenerContainerFactory.class)
				.getContainerProperties()
				.isObservationEnabled()).isFalse());
	}

	private static double count(MeterRegistry registry, String queue, String operation, String status) {
		var counter = Search.in(registry)
			.name("queue.operations")
			.tags("queue", queue, "operation", operation, "status", status)
			.counter();
		return (counter != null) ? counter.count() : 0;
	}

	private static int closedPort() {
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1,
				java.net.InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAsync
	static class AsyncJobsConfiguration {

		@Bean
		Jobs jobs() {
			return new Jobs();
		}

	}

	public static class Jobs {

		@Async
		public void succeed() {
		}

		@Async
		public void fail() {
			throw new IllegalStateException("job failed");
		}

		@Async
		public CompletableFuture<String> failLater() {
			return CompletableFuture.failedFuture(new IllegalStateException("job failed"));
		}

	}

}
