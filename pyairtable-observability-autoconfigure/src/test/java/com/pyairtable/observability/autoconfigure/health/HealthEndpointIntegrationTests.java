package com.pyairtable.observability.autoconfigure.health;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.jayway.jsonpath.JsonPath;
import com.pyairtable.observability.health.FakeDependencies;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A real Boot app on a random port with real dependencies on 127.0.0.1: one answering
 * 200, one answering 500, one that never answers (critical), a closed TCP port, a user
 * health indicator that sleeps 60 s and a reactive one that never answers.
 */
@SpringBootTest(classes = HealthEndpointIntegrationTests.App.class,
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.autoconfigure.exclude=" + HealthEndpointIntegrationTests.SECURITY,
				"management.endpoint.health.show-details=always", "pyairtable.observability.service.name=health-test",
				"pyairtable.observability.health.indicator-timeout=500ms",
				"pyairtable.observability.health.indicators.sleepy.critical=false",
				"pyairtable.observability.health.indicators.never.critical=false",
				"pyairtable.observability.health.indicators.never.timeout=200ms",
				"pyairtable.observability.health.checks.ok.type=http",
				"pyairtable.observability.health.checks.ok.interval=1s",
				"pyairtable.observability.health.checks.ok.critical=false",
				"pyairtable.observability.health.checks.ok.headers.X-Api-Key=${TEST_HEALTH_SECRET:very-secret-key}",
				"pyairtable.observability.health.checks.failing.type=http",
				"pyairtable.observability.health.checks.failing.interval=1s",
				"pyairtable.observability.health.checks.failing.critical=false",
				"pyairtable.observability.health.checks.hanging.type=http",
				"pyairtable.observability.health.checks.hanging.timeout=300ms",
				"pyairtable.observability.health.checks.hanging.interval=1s",
				"pyairtable.observability.health.checks.hook.type=http",
				"pyairtable.observability.health.checks.hook.interval=1s",
				"pyairtable.observability.health.checks.hook.critical=false",
				"pyairtable.observability.health.checks.closed.type=tcp",
				"pyairtable.observability.health.checks.closed.host=127.0.0.1",
				"pyairtable.observability.health.checks.closed.timeout=300ms",
				"pyairtable.observability.health.checks.closed.critical=false" })
class HealthEndpointIntegrationTests {

	static final String SECURITY = "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration,"
			+ "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration,"
			+ "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration,"
			+ "org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration,"
			+ "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration";

	/** A token in a check's path, as in a webhook URL. */
	private static final String PATH_TOKEN = "T0A1B2C3D4E5F6G7H8I9J0K1";

	private static final String API_KEY = "sk-abcdefghijklmnopqrstuvwxyz123456";

	private static final String JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1c2VyLTQyIn0.c2lnbmF0dXJlLXZhbHVl";

	private static final FakeDependencies dependencies = new FakeDependencies();

	private static final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	/** Time bound of the indicators plus the margin the endpoint may add. */
	private static final Duration INDICATOR_BOUND = Duration.ofMillis(500 + 700);

	@LocalServerPort
	private int port;

	@Autowired
	private SleepyHealthIndicator sleepy;

	@DynamicPropertySource
	static void dependencies(DynamicPropertyRegistry registry) {
		registry.add("pyairtable.observability.health.checks.ok.url",
				() -> dependencies.url("/ok").replace("http://", "http://user:pass@") + "?token=query-secret");
		registry.add("pyairtable.observability.health.checks.failing.url", () -> dependencies.url("/failing"));
		registry.add("pyairtable.observability.health.checks.hook.url",
				// No such path on the fake: answers 404, without counting as a call of
				// /failing.
				() -> dependencies.url("/hooks/" + PATH_TOKEN + "/v1/" + API_KEY));
		registry.add("pyairtable.observability.health.checks.hanging.url", dependencies::hangingUrl);
		registry.add("pyairtable.observability.health.checks.closed.port", dependencies::closedPort);
	}

	@AfterAll
	static void stopDependencies() {
		dependencies.close();
	}

	@Test
	void readinessAnswers503QuicklyOnceTheHangingCriticalCheckTimedOutWhileLivenessStays200() {
		awaitHangingCheckTimedOut();
		for (int i = 0; i < 20; i++) {
			Timed readiness = get("/actuator/health/readiness");
			assertThat(readiness.status()).isEqualTo(503);
			assertThat(readiness.body()).contains("\"DOWN\"");
			assertThat(readiness.took()).isLessThan(Duration.ofMillis(250));
			Timed liveness = get("/actuator/health/liveness");
			assertThat(liveness.status()).isEqualTo(200);
			assertThat(liveness.took()).isLessThan(Duration.ofMillis(250));
		}
	}

	@Test
	void concurrentProbesNeverMultiplyOutboundChecks() throws Exception {
		awaitHangingCheckTimedOut();
		int hangingBefore = dependencies.hangingConnections();
		int okBefore = dependencies.okRequests();
		int failingBefore = dependencies.failingRequests();
		long start = System.nanoTime();
		long end = start + Duration.ofSeconds(3).toNanos();
		AtomicInteger probes = new AtomicInteger();
		ExecutorService callers = Executors.newFixedThreadPool(50);
		try {
			List<Future<?>> results = new ArrayList<>();
			for (int i = 0; i < 50; i++) {
				String path = switch (i % 3) {
					case 0 -> "/actuator/health/readiness";
					case 1 -> "/actuator/health/liveness";
					default -> "/actuator/health";
				};
				results.add(callers.submit(() -> {
					while (System.nanoTime() < end) {
						get(path);
						probes.incrementAndGet();
					}
					return null;
				}));
			}
			for (Future<?> result : results) {
				result.get(30, TimeUnit.SECONDS);
			}
		}
		finally {
			callers.shutdownNow();
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		// One check per interval (1 s) at most, plus one started at each edge of the
		// window.
		int allowed = (int) Math.floor(seconds / 1.0) + 2;
		assertThat(probes.get()).isGreaterThan(50);
		assertThat(dependencies.hangingConnections() - hangingBefore).isBetween(1, allowed);
		assertThat(dependencies.okRequests() - okBefore).isBetween(1, allowed);
		assertThat(dependencies.failingRequests() - failingBefore).isBetween(1, allowed);
		// The sleeping indicator was called once and is never called again while it
		// sleeps.
		assertThat(this.sleepy.calls()).isEqualTo(1);
	}

	@Test
	void aUserIndicatorSleeping60sDoesNotHoldTheHealthEndpoint() {
		for (int i = 0; i < 3; i++) {
			Timed health = get("/actuator/health");
			assertThat(health.took()).isLessThan(INDICATOR_BOUND);
			assertThat(json(health, "$.components.sleepy.status")).isEqualTo("DEGRADED");
			assertThat(json(health, "$.components.sleepy.details.error")).contains("500ms");
			assertThat(json(health, "$.components.never.status")).isEqualTo("DEGRADED");
			assertThat(json(health, "$.components.never.details.error")).contains("timed out after 200ms");
		}
		assertThat(this.sleepy.calls()).isEqualTo(1);
	}

	@Test
	void detailsShowEachCheckWithoutSecrets() {
		await().atMost(Duration.ofSeconds(10))
			.until(() -> get("/actuator/health/dependencies").body().contains("ConnectException")
					&& get("/actuator/health/dependencies").body().contains("lastSuccess"));
		Timed dependenciesHealth = get("/actuator/health/dependencies");
		String body = dependenciesHealth.body();
		assertThat(json(dependenciesHealth, "$.components.ok.status")).isEqualTo("UP");
		assertThat(json(dependenciesHealth, "$.components.ok.details.target"))
			.isEqualTo("http://127.0.0.1:" + dependencies.httpPort() + "/ok");
		assertThat(json(dependenciesHealth, "$.components.ok.details")).contains("latencyMillis=", "lastSuccess=");
		assertThat(json(dependenciesHealth, "$.components.failing.status")).isEqualTo("DEGRADED");
		assertThat(json(dependenciesHealth, "$.components.failing.details.error"))
			.contains("unexpected HTTP status 500");
		assertThat(json(dependenciesHealth, "$.components.hanging.status")).isEqualTo("DOWN");
		assertThat(json(dependenciesHealth, "$.components.hanging.details.error")).contains("HttpTimeoutException");
		assertThat(json(dependenciesHealth, "$.components.closed.status")).isEqualTo("DEGRADED");
		assertThat(dependencies.receivedApiKeys()).contains("very-secret-key");
		String all = get("/actuator/health").body();
		assertThat(all + body).doesNotContain("very-secret-key", "user:pass", "query-secret", "X-Api-Key");
		// The platform's detailed path shows the same checks.
		assertThat(get("/health/detailed").body()).contains("\"dependencies\"", "unexpected HTTP status 500");
		// The overall status: a critical check is DOWN.
		assertThat(get("/actuator/health").status()).isEqualTo(503);
	}

	@Test
	void checkUrlsAndIndicatorDetailsNeverShowTokens() {
		await().atMost(Duration.ofSeconds(10))
			.until(() -> "DEGRADED".equals(json(get("/actuator/health/dependencies"), "$.components.hook.status")));
		Timed dependenciesHealth = get("/actuator/health/dependencies");
		assertThat(json(dependenciesHealth, "$.components.hook.details.target"))
			.isEqualTo("http://127.0.0.1:" + dependencies.httpPort() + "/hooks/******/v1/******");
		assertThat(json(dependenciesHealth, "$.components.hook.details.error")).contains("unexpected HTTP status 404");
		Timed leaky = get("/actuator/health/leaky");
		assertThat(json(leaky, "$.details.url")).isEqualTo("postgres://db.example.com:5432/hooks/******");
		assertThat(json(leaky, "$.details.error")).startsWith("rejected Bearer [REDACTED");
		assertThat(json(leaky, "$.details.pool")).isEqualTo("primary");
		String everything = get("/actuator/health").body() + get("/health/detailed").body()
				+ get("/actuator/prometheus").body();
		assertThat(everything).contains("/hooks/******")
			.doesNotContain(PATH_TOKEN, API_KEY, JWT, "pw-123456", "sslkey");
	}

	@Test
	void healthChecksAreExposedAsPrometheusGauges() {
		await().atMost(Duration.ofSeconds(10))
			.until(() -> get("/actuator/prometheus").body()
				.matches("(?s).*health_check_up\\{[^}]*check=\"ok\"[^}]*\\} 1\\.0.*"));
		String scrape = get("/actuator/prometheus").body();
		assertThat(scrape).containsPattern("health_check_up\\{[^}]*check=\"hanging\"[^}]*\\} 0\\.0")
			.containsPattern("health_check_up\\{[^}]*check=\"closed\"[^}]*\\} 0\\.0")
			.containsPattern("health_check_latency_seconds\\{[^}]*check=\"ok\"[^}]*\\} \\d")
			.containsPattern("health_check_up\\{[^}]*check=\"circuitBreakers\"[^}]*\\} 1\\.0")
			.contains("# TYPE health_check_up gauge", "# TYPE health_check_latency_seconds gauge");
	}

	private static String json(Timed response, String path) {
		Object value = JsonPath.read(response.body(), path);
		return String.valueOf(value);
	}

	private void awaitHangingCheckTimedOut() {
		await().atMost(Duration.ofSeconds(10))
			.until(() -> get("/actuator/health/dependencies/hanging").body().contains("HttpTimeoutException"));
	}

	private Timed get(String path) {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.timeout(Duration.ofSeconds(10))
			.build();
		long start = System.nanoTime();
		try {
			HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
			return new Timed(response.statusCode(), response.body(), Duration.ofNanos(System.nanoTime() - start));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	record Timed(int status, String body, Duration took) {
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class App {

		@Bean
		SleepyHealthIndicator sleepyHealthIndicator() {
			return new SleepyHealthIndicator();
		}

		/** A reactive indicator that never answers, as a stuck Redis would. */
		@Bean
		ReactiveHealthIndicator neverHealthIndicator() {
			return Mono::never;
		}

		/** An indicator of the application's, quoting a connection URL and an error. */
		@Bean
		HealthIndicator leakyHealthIndicator() {
			return () -> Health.up()
				.withDetail("url", "postgres://svc:pw-123456@db.example.com:5432/hooks/" + PATH_TOKEN + "?sslkey=abc")
				.withDetail("error", "rejected Bearer " + JWT)
				.withDetail("pool", "primary")
				.build();
		}

		@Bean
		CircuitBreakerRegistry circuitBreakerRegistry() {
			CircuitBreakerRegistry registry = CircuitBreakerRegistry.ofDefaults();
			registry.circuitBreaker("airtable");
			return registry;
		}

	}

	static final class SleepyHealthIndicator implements HealthIndicator {

		private final AtomicInteger calls = new AtomicInteger();

		@Override
		public Health health() {
			this.calls.incrementAndGet();
			try {
				Thread.sleep(60_000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return Health.up().build();
		}

		int calls() {
			return this.calls.get();
		}

	}

}
