package com.pyairtable.observability.autoconfigure.otlp;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import com.pyairtable.observability.queue.QueueMetrics;
import com.pyairtable.observability.testsupport.OtlpCollector;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.registry.otlp.OtlpMeterRegistry;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.awaitility.Awaitility.await;

/**
 * Meters pushed to a real OTLP/HTTP receiver on loopback, decoded with the official
 * {@code opentelemetry-proto} messages.
 */
class OtlpMetricsExportTests {

	@Test
	void pushesMetersWithTheirNamesAndTheServiceIdentity() {
		try (OtlpCollector receiver = new OtlpCollector();
				ConfigurableApplicationContext context = start("pyairtable.observability.metrics.otlp.enabled=true",
						"pyairtable.observability.metrics.otlp.endpoint=" + receiver.endpoint(),
						"pyairtable.observability.metrics.otlp.step=1s",
						"pyairtable.observability.metrics.otlp.headers.X-Scope-OrgID=platform")) {
			assertThat(context.getBeansOfType(OtlpMeterRegistry.class)).hasSize(1);
			context.getBean(QueueMetrics.class).recordSuccess("emails", "publish");
			Timer.builder("test.work").register(context.getBean(MeterRegistry.class)).record(Duration.ofMillis(1500));
			await().atMost(Duration.ofSeconds(15))
				.until(() -> metric(receiver, "queue.operations").isPresent()
						&& metric(receiver, "test.work").isPresent());
			Metric operations = metric(receiver, "queue.operations").orElseThrow();
			assertThat(operations.getSum().getIsMonotonic()).isTrue();
			NumberDataPoint point = operations.getSum()
				.getDataPointsList()
				.stream()
				.filter((p) -> "emails".equals(attributes(p.getAttributesList()).get("queue")))
				.findFirst()
				.orElseThrow();
			assertThat(attributes(point.getAttributesList())).containsEntry("operation", "publish")
				.containsEntry("status", "success")
				.containsEntry("service", "otlp-test")
				.containsEntry("environment", "development")
				.containsEntry("tier", "application")
				.containsKey("version");
			assertThat(point.getAsDouble()).isEqualTo(1.0);
			// Seconds, like the Prometheus scrape, so that Mimir's names match it.
			Metric timer = metric(receiver, "test.work").orElseThrow();
			assertThat(timer.getUnit()).isEqualTo("seconds");
			assertThat(timer.getHistogram().getDataPoints(0).getSum()).isEqualTo(1.5);
		}
	}

	@Test
	void isOffByDefaultEvenWithTheRegistryOnTheClasspath() {
		try (ConfigurableApplicationContext context = start()) {
			assertThat(context.getBeansOfType(OtlpMeterRegistry.class)).isEmpty();
		}
	}

	@Test
	void failsStartupNamingTheEndpointPropertyWhenItIsNotAUrl() {
		assertThatException()
			.isThrownBy(() -> start("pyairtable.observability.metrics.otlp.enabled=true",
					"pyairtable.observability.metrics.otlp.endpoint=collector:4318"))
			.withStackTraceContaining(
					"pyairtable.observability.metrics.otlp.endpoint must be an http:// or https:// URL");
	}

	static ConfigurableApplicationContext start(String... properties) {
		List<String> args = new ArrayList<>(
				List.of("--spring.application.name=otlp-test", "--spring.main.banner-mode=off"));
		for (String property : properties) {
			args.add("--" + property);
		}
		SpringApplication application = new SpringApplication(App.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		return application.run(args.toArray(String[]::new));
	}

	private static Optional<Metric> metric(OtlpCollector receiver, String name) {
		List<Metric> found = receiver.metrics().stream().filter((metric) -> metric.getName().equals(name)).toList();
		return found.isEmpty() ? Optional.empty() : Optional.of(found.get(found.size() - 1));
	}

	static Map<String, String> attributes(List<KeyValue> attributes) {
		return attributes.stream()
			.collect(Collectors.toMap(KeyValue::getKey, (kv) -> kv.getValue().getStringValue(), (a, b) -> b));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class App {

	}

}
