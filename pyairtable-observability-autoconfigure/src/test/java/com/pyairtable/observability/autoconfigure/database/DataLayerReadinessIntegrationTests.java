package com.pyairtable.observability.autoconfigure.database;

import java.net.http.HttpResponse;
import java.time.Duration;

import com.pyairtable.observability.testsupport.TestServices;
import com.pyairtable.observability.testsupport.TestWebApp;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Spring Boot's {@code db} and {@code redis} health indicators are members of the
 * readiness group: UP with the real PostgreSQL and Redis, DOWN (503) when the service
 * points at a port where nothing listens. Liveness never depends on them.
 */
@Tag(TestServices.TAG)
class DataLayerReadinessIntegrationTests {

	private static final String[] COMMON = { "management.endpoint.health.group.readiness.show-components=always",
			"management.endpoint.health.show-components=always", "management.health.redis.enabled=true",
			"spring.datasource.hikari.connection-timeout=1000",
			"spring.datasource.hikari.initialization-fail-timeout=-1", "spring.data.redis.timeout=1s",
			"spring.data.redis.connect-timeout=1s" };

	@Test
	void readinessIsUpWithTheRealDatabaseAndRedis() {
		try (TestWebApp app = TestWebApp.startTraced(App.class,
				with(TestServices.postgres().propertyValues(TestServices.redis().propertyValues())))) {
			// The first checks open the pool's and Lettuce's first connections, which on
			// a loaded
			// machine can take longer than the indicators' time bound: UP within a bound,
			// then stays.
			await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
				HttpResponse<String> readiness = app.get("/actuator/health/readiness");
				assertThat(readiness.statusCode()).as(readiness.body()).isEqualTo(200);
			});
			HttpResponse<String> readiness = app.get("/actuator/health/readiness");
			assertThat(readiness.statusCode()).as(readiness.body()).isEqualTo(200);
			assertThat(readiness.body()).contains("\"db\":{\"status\":\"UP\"", "\"redis\":{\"status\":\"UP\"");
		}
	}

	@Test
	void readinessIsDownWhenDatabaseAndRedisCannotBeReached() {
		try (TestWebApp app = TestWebApp.startTraced(App.class,
				with("spring.datasource.url=jdbc:postgresql://127.0.0.1:" + TestServices.CLOSED_PORT + "/test",
						"spring.datasource.username=postgres", "spring.data.redis.host=127.0.0.1",
						"spring.data.redis.port=" + TestServices.CLOSED_PORT))) {
			HttpResponse<String> readiness = app.get("/actuator/health/readiness");
			assertThat(readiness.statusCode()).as(readiness.body()).isEqualTo(503);
			assertThat(readiness.body()).contains("\"db\":{\"status\":\"DOWN\"", "\"redis\":{\"status\":\"DOWN\"");
			assertThat(app.get("/actuator/health/liveness").statusCode()).isEqualTo(200);
			// A statement that cannot get a connection counts as a connection failure.
			double before = app.sample("database_errors_total", "error=\"connection\"");
			assertThat(app.get("/db/ping").statusCode()).isEqualTo(500);
			assertThat(app.sample("database_errors_total", "error=\"connection\"")).isGreaterThan(before);
		}
	}

	private static String[] with(String... properties) {
		String[] all = new String[COMMON.length + properties.length];
		System.arraycopy(COMMON, 0, all, 0, COMMON.length);
		System.arraycopy(properties, 0, all, COMMON.length, properties.length);
		return all;
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@RestController
	static class App {

		private final JdbcClient jdbc;

		App(JdbcClient jdbc) {
			this.jdbc = jdbc;
		}

		@GetMapping("/db/ping")
		int ping() {
			return this.jdbc.sql("select 1").query(Integer.class).single();
		}

	}

}
