package com.pyairtable.observability.autoconfigure.health;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import com.jayway.jsonpath.JsonPath;
import com.pyairtable.observability.health.FakeDependencies;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A real Boot app whose critical dependency answers only once released: readiness stays
 * OUT_OF_SERVICE until its first check, then follows the critical members (the check, a
 * {@code db} indicator, critical circuit breakers); a failing non-critical dependency or
 * an open non-critical breaker make the service DEGRADED with HTTP 200; liveness never
 * moves.
 */
@SpringBootTest(classes = ReadinessAndDegradedIntegrationTests.App.class,
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.autoconfigure.exclude=" + HealthEndpointIntegrationTests.SECURITY,
				"management.endpoint.health.show-details=always",
				"management.endpoint.health.probes.add-additional-paths=true",
				"pyairtable.observability.health.circuit-breakers.critical=airtable",
				"pyairtable.observability.health.checks.gated.type=http",
				"pyairtable.observability.health.checks.gated.timeout=30s",
				"pyairtable.observability.health.checks.gated.interval=500ms",
				"pyairtable.observability.health.checks.failing.type=http",
				"pyairtable.observability.health.checks.failing.interval=500ms",
				"pyairtable.observability.health.checks.failing.critical=false" })
class ReadinessAndDegradedIntegrationTests {

	private static final FakeDependencies dependencies = new FakeDependencies();

	private static final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	@LocalServerPort
	private int port;

	@Autowired
	private FakeDbHealthIndicator db;

	@Autowired
	private CircuitBreakerRegistry breakers;

	@DynamicPropertySource
	static void dependencies(DynamicPropertyRegistry registry) {
		registry.add("pyairtable.observability.health.checks.gated.url", () -> dependencies.url("/gated"));
		registry.add("pyairtable.observability.health.checks.failing.url", () -> dependencies.url("/failing"));
	}

	@AfterAll
	static void stopDependencies() {
		dependencies.close();
	}

	@Test
	void readinessFollowsCriticalMembersAndDegradedStaysReady() {
		// The critical check has not completed yet: UNKNOWN, and readiness out of
		// service.
		assertThat(status("/actuator/health/dependencies/gated")).isEqualTo("UNKNOWN");
		assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(503);
		assertThat(status("/actuator/health/readiness")).isEqualTo("OUT_OF_SERVICE");
		assertThat(get("/readyz").statusCode()).isEqualTo(503);
		assertLive();

		// Once it has answered, the service is ready, and DEGRADED overall (non-critical
		// failing).
		dependencies.openGate();
		await().atMost(Duration.ofSeconds(10)).until(() -> get("/actuator/health/readiness").statusCode() == 200);
		assertThat(status("/actuator/health/readiness")).isEqualTo("UP");
		assertThat(get("/readyz").statusCode()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(10)).until(() -> "DEGRADED".equals(status("/actuator/health")));
		assertThat(get("/actuator/health").statusCode()).isEqualTo(200);

		// A non-critical open breaker: DEGRADED, still ready.
		this.breakers.circuitBreaker("llm").transitionToOpenState();
		assertThat(status("/actuator/health/runtime/circuitBreakers")).isEqualTo("DEGRADED");
		assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);

		// A critical open breaker takes readiness down.
		this.breakers.circuitBreaker("airtable").transitionToOpenState();
		assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(503);
		assertThat(status("/actuator/health/readiness")).isEqualTo("DOWN");
		assertLive();
		this.breakers.circuitBreaker("airtable").transitionToClosedState();
		assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);

		// Spring Boot's db indicator, when present, is in the readiness group.
		this.db.status.set(Status.DOWN);
		assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(503);
		assertLive();
		this.db.status.set(Status.UP);
		assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);
	}

	private void assertLive() {
		HttpResponse<String> liveness = get("/actuator/health/liveness");
		assertThat(liveness.statusCode()).isEqualTo(200);
		assertThat(liveness.body()).isEqualTo("{\"status\":\"UP\"}");
		assertThat(get("/livez").statusCode()).isEqualTo(200);
	}

	private String status(String path) {
		return JsonPath.read(get(path).body(), "$.status");
	}

	private HttpResponse<String> get(String path) {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.timeout(Duration.ofSeconds(10))
			.build();
		try {
			return client.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class App {

		/**
		 * Stands in for Spring Boot's DataSource indicator, registered under the same
		 * name.
		 */
		@Bean
		FakeDbHealthIndicator dbHealthIndicator() {
			return new FakeDbHealthIndicator();
		}

		@Bean
		CircuitBreakerRegistry circuitBreakerRegistry() {
			return CircuitBreakerRegistry.ofDefaults();
		}

	}

	static final class FakeDbHealthIndicator implements HealthIndicator {

		final AtomicReference<Status> status = new AtomicReference<>(Status.UP);

		@Override
		public Health health() {
			return Health.status(this.status.get()).build();
		}

	}

}
