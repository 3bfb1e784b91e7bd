package com.pyairtable.observability.sample;

import java.net.http.HttpResponse;
import java.time.Duration;

import com.pyairtable.observability.testsupport.LoopbackHttp;
import com.pyairtable.observability.testsupport.TestServices;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The sample in its {@code services} profile, against a real PostgreSQL, Redis and AMQP
 * broker ({@link TestServices}: started by the test, or the machine's own on the
 * profile's standard ports with {@code -Dservices=loopback}): its traffic shows in the
 * database, Redis, queue and outbound HTTP metrics, and both stores are members of
 * readiness.
 */
@SpringBootTest(webEnvironment = WebEnvironment.DEFINED_PORT, properties = "sample.traffic.interval=40ms")
@ActiveProfiles("services")
@Tag(TestServices.TAG)
class ServicesProfileTests {

	@Autowired
	private Environment environment;

	@DynamicPropertySource
	static void services(DynamicPropertyRegistry registry) {
		// Resolved before the context starts, so that a missing service fails naming
		// itself.
		TestServices.postgres().registerIn(registry);
		TestServices.redis().registerIn(registry);
		TestServices.amqp().registerIn(registry);
		registry.add("server.port", FreePort::find);
	}

	@BeforeEach
	void trafficHasFlowed() {
		await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> get("/actuator/prometheus").body(),
					(scrape) -> scrape.contains("redis_operations_total{") && scrape.contains("uri=\"/api/orders\""));
	}

	@Test
	void statementsAgainstPostgresqlAreMeasured() {
		String scrape = get("/actuator/prometheus").body();
		assertThat(scrape)
			.containsPattern("database_operations_total\\{[^}]*operation=\"insert\"[^}]*status=\"success\"")
			.containsPattern("database_operations_total\\{[^}]*operation=\"select\"[^}]*status=\"success\"")
			.containsPattern("database_query_duration_seconds_bucket\\{[^}]*operation=\"select\"[^}]*le=\"0.5\"")
			.containsPattern("database_errors_total\\{[^}]*error=\"connection\"")
			.containsPattern("hikaricp_connections_max\\{");
		assertThat(ContractMetrics.labelMismatches(scrape)).isEmpty();
	}

	@Test
	void redisCommandsAreMeasuredByLettuce() {
		String scrape = get("/actuator/prometheus").body();
		assertThat(scrape).containsPattern("redis_operations_total\\{[^}]*command=\"INCR\"[^}]*status=\"success\"")
			.containsPattern("redis_operations_total\\{[^}]*command=\"GET\"[^}]*status=\"success\"")
			.containsPattern("lettuce_command_completion_seconds_count\\{[^}]*command=\"INCR\"");
	}

	@Test
	void outboundCallsAreMeasuredWithLatencyBuckets() {
		assertThat(get("/actuator/prometheus").body())
			.containsPattern("http_client_requests_seconds_bucket\\{[^}]*client_name=\"127.0.0.1\"[^}]*le=\"0.5\"");
	}

	@Test
	void recordEventsTravelThroughRabbitMq() {
		await().atMost(Duration.ofSeconds(20))
			.pollInterval(Duration.ofMillis(200))
			.untilAsserted(() -> assertThat(get("/actuator/prometheus").body()).containsPattern(
					"queue_operations_total\\{[^}]*operation=\"publish\",queue=\"airtable-gateway.record-events\"[^}]*status=\"success\"")
				.containsPattern(
						"queue_operations_total\\{[^}]*operation=\"consume\",queue=\"airtable-gateway.record-events\"[^}]*status=\"success\"")
				.containsPattern("spring_rabbit_listener_seconds_count\\{"));
	}

	@Test
	void readinessIncludesDatabaseAndRedis() {
		HttpResponse<String> readiness = get("/actuator/health/readiness");
		assertThat(readiness.statusCode()).as(readiness.body()).isEqualTo(200);
	}

	private HttpResponse<String> get(String path) {
		String port = this.environment.getProperty("local.server.port");
		return LoopbackHttp.send(LoopbackHttp.request(Integer.parseInt(port), path, Duration.ofSeconds(10)).build());
	}

}
