package com.pyairtable.observability.autoconfigure.queue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.pyairtable.observability.testsupport.TestServices;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Against a real AMQP 0-9-1 broker ({@link TestServices#amqp()}): a message published
 * with Boot's {@link RabbitTemplate} and consumed by a {@code @RabbitListener} is one
 * trace (producer span, consumer span as its child) and counts in
 * {@code queue_operations_total}.
 */
@Tag(TestServices.TAG)
class RabbitQueueTracingTests {

	static final String QUEUE = "pyairtable-test-" + UUID.randomUUID().toString().substring(0, 8);

	private static ConfigurableApplicationContext context;

	@BeforeAll
	static void start() {
		SpringApplication application = new SpringApplication(App.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		String[] arguments = Stream
			.of(TestServices.amqp()
				.propertyValues("spring.application.name=queue-test", "spring.main.banner-mode=off",
						"spring.rabbitmq.listener.simple.default-requeue-rejected=false",
						"management.tracing.sampling.probability=1.0",
						"management.opentelemetry.tracing.export.schedule-delay=50ms", "test.queue=" + QUEUE))
			.map((property) -> "--" + property)
			.toArray(String[]::new);
		context = application.run(arguments);
	}

	@AfterAll
	static void stop() {
		if (context != null) {
			context.close();
		}
	}

	@Test
	void publishAndConsumeAreOneTraceAndAreCounted() throws InterruptedException {
		Listener listener = context.getBean(Listener.class);
		context.getBean(RabbitTemplate.class).convertAndSend("", QUEUE, "hello");
		assertThat(listener.received.await(10, TimeUnit.SECONDS)).as("message consumed").isTrue();
		InMemorySpanExporter exporter = context.getBean(InMemorySpanExporter.class);
		await().atMost(Duration.ofSeconds(10)).until(() -> consumer(exporter.getFinishedSpanItems()) != null);
		List<SpanData> spans = exporter.getFinishedSpanItems();
		SpanData consumer = consumer(spans);
		SpanData producer = spans.stream()
			.filter((span) -> span.getKind() == SpanKind.PRODUCER)
			.findFirst()
			.orElseThrow();
		assertThat(consumer.getTraceId()).isEqualTo(producer.getTraceId());
		assertThat(consumer.getParentSpanId()).isEqualTo(producer.getSpanId());
		String scrape = context.getBean(PrometheusMeterRegistry.class).scrape();
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(context.getBean(PrometheusMeterRegistry.class).scrape())
				.containsPattern("queue_operations_total\\{[^}]*operation=\"consume\",queue=\"" + QUEUE
						+ "\",service=\"queue-test\",status=\"success\"[^}]*} 1\\.0"));
		assertThat(scrape).containsPattern("queue_operations_total\\{[^}]*operation=\"publish\",queue=\"" + QUEUE
				+ "\",service=\"queue-test\",status=\"success\"[^}]*} [1-9][0-9]*\\.0");
	}

	@Test
	void aListenerThatThrowsCountsAsAConsumeError() {
		context.getBean(RabbitTemplate.class).convertAndSend("", QUEUE, "boom");
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(context.getBean(PrometheusMeterRegistry.class).scrape())
				.containsPattern("queue_operations_total\\{[^}]*operation=\"consume\",queue=\"" + QUEUE
						+ "\",service=\"queue-test\",status=\"error\"[^}]*} 1\\.0"));
	}

	private static SpanData consumer(List<SpanData> spans) {
		return spans.stream().filter((span) -> span.getKind() == SpanKind.CONSUMER).findFirst().orElse(null);
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class App {

		@Bean
		InMemorySpanExporter inMemorySpanExporter() {
			return InMemorySpanExporter.create();
		}

		@Bean
		Queue testQueue() {
			return new Queue(QUEUE, false, false, true);
		}

		@Bean
		Listener listener() {
			return new Listener();
		}

	}

	static class Listener {

		final CountDownLatch received = new CountDownLatch(1);

		@RabbitListener(queues = "${test.queue}")
		void onMessage(String message) {
			if (message.equals("boom")) {
				throw new IllegalStateException("cannot handle " + message);
			}
			this.received.countDown();
		}

	}

}
