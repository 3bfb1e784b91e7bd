package com.pyairtable.observability.health;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;

class DependencyCheckTests {

	private static final Duration TIMEOUT = Duration.ofMillis(300);

	private static FakeDependencies dependencies;

	private static HttpClient client;

	@BeforeAll
	static void startServers() {
		dependencies = new FakeDependencies();
		client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
	}

	@AfterAll
	static void stopServers() {
		dependencies.close();
	}

	@Test
	void reportsUnknownBeforeTheFirstCheck() {
		DependencyCheck check = http("ok", dependencies.url("/ok"), true, Set.of());
		Health health = check.health();
		assertThat(health.getStatus()).isEqualTo(Status.UNKNOWN);
		assertThat(health.getDetails()).containsEntry("state", "not checked yet");
		assertThat(check.isUp()).isFalse();
		assertThat(check.getLastLatency()).isNull();
	}

	@Test
	void reportsUpWithLatencyAndLastSuccessWhenTheDependencyAnswers200() {
		DependencyCheck check = http("ok", dependencies.url("/ok"), true, Set.of());
		check.run();
		Health health = check.health();
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsKeys("latencyMillis", "lastSuccess", "lastChecked")
			.doesNotContainKey("error");
		assertThat(check.getLastLatency()).isNotNull();
	}

	@Test
	void reportsDownWhenACriticalDependencyAnswers500() {
		DependencyCheck check = http("failing", dependencies.url("/failing"), true, Set.of());
		check.run();
		Health health = check.health();
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails().get("error").toString()).contains("unexpected HTTP status 500");
		assertThat(health.getDetails()).doesNotContainKey("lastSuccess");
	}

	@Test
	void reportsDegradedWhenANonCriticalDependencyFails() {
		DependencyCheck check = http("failing", dependencies.url("/failing"), false, Set.of());
		check.run();
		assertThat(check.health().getStatus()).isEqualTo(HealthStatuses.DEGRADED);
	}

	@Test
	void acceptsTheExpectedStatuses() {
		DependencyCheck check = http("failing", dependencies.url("/failing"), true, Set.of(500));
		check.run();
		assertThat(check.health().getStatus()).isEqualTo(Status.UP);
	}

	@Test
	void failsWithinItsTimeoutWhenTheDependencyNeverAnswers() {
		DependencyCheck check = http("hanging", dependencies.hangingUrl(), true, Set.of());
		long start = System.nanoTime();
		check.run();
		Duration took = Duration.ofNanos(System.nanoTime() - start);
		assertThat(took).isLessThan(TIMEOUT.plusMillis(700));
		Health health = check.health();
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails().get("error").toString()).contains("HttpTimeoutException");
	}

	@Test
	void keepsTheTimeOfTheLastSuccessAfterAFailure() {
		DependencyCheck check = new DependencyCheck("flaky", "http", "x", true, Duration.ofSeconds(1), new FlakyProbe(),
				List.of(), Clock.systemUTC());
		check.run();
		check.run();
		Health health = check.health();
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsKeys("lastSuccess", "error");
	}

	@Test
	void reportsAClosedTcpPortAsFailing() {
		DependencyCheck check = tcp("closed", dependencies.closedPort(), false);
		check.run();
		Health health = check.health();
		assertThat(health.getStatus()).isEqualTo(HealthStatuses.DEGRADED);
		assertThat(health.getDetails().get("error").toString()).contains("ConnectException");
	}

	@Test
	void reportsAnOpenTcpPortAsUp() {
		DependencyCheck check = tcp("open", dependencies.httpPort(), true);
		check.run();
		assertThat(check.health().getStatus()).isEqualTo(Status.UP);
		assertThat(check.health().getDetails()).containsEntry("target", "127.0.0.1:" + dependencies.httpPort());
	}

	@Test
	void neverShowsSecretsInTheError() {
		DependencyCheck check = new DependencyCheck("secret", "http", "x", true, Duration.ofSeconds(1), () -> {
			throw new IllegalStateException("failed calling http://bob:pw@host/x?token=abc with key s3cr3t-value");
		}, List.of("s3cr3t-value"), Clock.systemUTC());
		check.run();
		String error = check.health().getDetails().get("error").toString();
		assertThat(error).doesNotContain("s3cr3t-value", "bob", "pw@", "token", "abc").contains("******");
	}

	@Test
	void sendsTheConfiguredHeaders() {
		DependencyCheck check = new DependencyCheck(
				"ok", "http", "x", true, Duration.ofSeconds(1), new HttpDependencyProbe(client,
						URI.create(dependencies.url("/ok")), TIMEOUT, Map.of("X-Api-Key", "key-123"), Set.of()),
				List.of("key-123"), Clock.systemUTC());
		check.run();
		assertThat(dependencies.receivedApiKeys()).contains("key-123");
		assertThat(check.health().toString()).doesNotContain("key-123");
	}

	private static DependencyCheck http(String name, String url, boolean critical, Set<Integer> expected) {
		URI uri = URI.create(url);
		return new DependencyCheck(name, "http", Redaction.uri(uri), critical, Duration.ofSeconds(1),
				new HttpDependencyProbe(client, uri, TIMEOUT, Map.of(), expected), List.of(), Clock.systemUTC());
	}

	private static DependencyCheck tcp(String name, int port, boolean critical) {
		return new DependencyCheck(name, "tcp", "127.0.0.1:" + port, critical, Duration.ofSeconds(1),
				new TcpDependencyProbe("127.0.0.1", port, TIMEOUT), List.of(), Clock.systemUTC());
	}

	private static final class FlakyProbe implements DependencyProbe {

		private int calls;

		@Override
		public void probe() throws Exception {
			if (this.calls++ > 0) {
				throw new java.io.IOException("second call fails");
			}
		}

	}

}
