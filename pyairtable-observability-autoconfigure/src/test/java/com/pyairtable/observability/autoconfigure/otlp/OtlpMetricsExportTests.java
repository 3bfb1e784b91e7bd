package com.pyairtable.observability.autoconfigure.otlp;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import com.google.protobuf.InvalidProtocolBufferException;
import com.pyairtable.observability.queue.QueueMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.registry.otlp.OtlpMeterRegistry;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
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
		try (OtlpReceiver receiver = new OtlpReceiver();
				ConfigurableApplicationContext context = start("pyairtable.observability.metrics.otlp.enabled=true",
						"pyairtable.observability.metrics.otlp.endpoint=" + receiver.baseUrl(),
						"pyairtable.observability.metrics.otlp.step=1s",
						"pyairtable.observability.metrics.otlp.headers.X-Scope-OrgID=platform")) {
			assertThat(context.getBeansOfType(OtlpMeterRegistry.class)).hasSize(1);
			context.getBean(QueueMetrics.class).recordSuccess("emails", "publish");
			Timer.builder("test.work").register(context.getBean(MeterRegistry.class)).record(Duration.ofMillis(1500));
			await().atMost(Duration.ofSeconds(15)).until(() -> metric(receiver, "queue.operations").isPresent()
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
		assertThatException().isThrownBy(() -> start("pyairtable.observability.metrics.otlp.enabled=true",
				"pyairtable.observability.metrics.otlp.endpoint=collector:4318"))
			.withStackTraceContaining("pyairtable.observability.metrics.otlp.endpoint must be an http:// or https:// URL");
	}

	static ConfigurableApplicationContext start(String... properties) {
		List<String> args = new ArrayList<>(List.of("--spring.application.name=otlp-test",
				"--spring.main.banner-mode=off"));
		for (String property : properties) {
			args.add("--" + property);
		}
		SpringApplication application = new SpringApplication(App.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		// TEMPORARY: the defaults the core environment post-processor gives Boot's keys (moved
		// there with issue #15); drop once it is on this branch.
		boolean export = args.contains("--pyairtable.observability.metrics.otlp.enabled=true");
		application.setDefaultProperties(export
				? Map.of("management.otlp.metrics.export.enabled", "true",
						"management.otlp.metrics.export.base-time-unit", "seconds")
				: Map.of("management.otlp.metrics.export.enabled", "false"));
		return application.run(args.toArray(String[]::new));
	}

	private static Optional<Metric> metric(OtlpReceiver receiver, String name) {
		List<Metric> found = new ArrayList<>();
		for (byte[] body : receiver.bodies("/v1/metrics")) {
			try {
				for (ResourceMetrics resource : ExportMetricsServiceRequest.parseFrom(body).getResourceMetricsList()) {
					for (ScopeMetrics scope : resource.getScopeMetricsList()) {
						scope.getMetricsList().stream().filter((metric) -> metric.getName().equals(name)).forEach(found::add);
					}
				}
			}
			catch (InvalidProtocolBufferException ex) {
				throw new IllegalStateException("Not an ExportMetricsServiceRequest", ex);
			}
		}
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
