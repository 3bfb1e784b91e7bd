package com.pyairtable.observability.autoconfigure.database;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import com.pyairtable.observability.testsupport.TestServices;
import com.pyairtable.observability.testsupport.TestWebApp;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
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
 * Every statement against the real PostgreSQL becomes a span named after its operation
 * and table, without its bound values or (by default) its text, and the database metrics
 * in the scrape; Hikari's pool metrics stay.
 */
@Tag(TestServices.TAG)
class DatabaseObservabilityIntegrationTests {

	static final String SECRET_VALUE = "bound-value-4711";

	private static TestWebApp app;

	@BeforeAll
	static void start() {
		app = TestWebApp.startTraced(App.class, TestServices.postgres()
			// Redis is on this module's test classpath; these tests are about the
			// database.
			.propertyValues("management.health.redis.enabled=false"));
	}

	@AfterAll
	static void stop() {
		if (app != null) {
			app.close();
		}
	}

	@Test
	void statementsAreSpansWithOperationAndTableButNeitherValuesNorText() {
		assertThat(app.get("/db/items").statusCode()).isEqualTo(200);
		SpanData select = awaitSpan("select db_obs_items");
		assertThat(select.getAttributes().get(AttributeKey.stringKey("db.operation.name"))).isEqualTo("select");
		assertThat(select.getAttributes().get(AttributeKey.stringKey("db.collection.name"))).isEqualTo("db_obs_items");
		assertThat(select.getAttributes().get(AttributeKey.stringKey("db.query.text"))).isNull();
		assertThat(awaitSpan("insert db_obs_items").getParentSpanContext().isValid()).as("child of the request")
			.isTrue();
		for (SpanData span : app.spans().getFinishedSpanItems()) {
			assertThat(span.getAttributes().asMap().values())
				.allSatisfy((value) -> assertThat(String.valueOf(value)).doesNotContain(SECRET_VALUE)
					.doesNotContain("jdbc.query["));
		}
	}

	@Test
	void statementsAreCountedAndTimedByOperationAndStatus() {
		assertThat(app.get("/db/items").statusCode()).isEqualTo(200);
		assertThat(app.sample("database_operations_total", "operation=\"select\"", "status=\"success\""))
			.isGreaterThanOrEqualTo(1);
		assertThat(app.sample("database_operations_total", "operation=\"insert\"", "status=\"success\""))
			.isGreaterThanOrEqualTo(1);
		assertThat(app.sample("database_query_duration_seconds_bucket", "operation=\"select\"", "le=\"0.5\""))
			.isGreaterThanOrEqualTo(1);
		assertThat(app.sample("database_query_duration_seconds_bucket", "operation=\"select\"", "le=\"2.5\""))
			.isGreaterThanOrEqualTo(1);
		assertThat(app.sample("database_query_duration_seconds_count", "operation=\"select\""))
			.isGreaterThanOrEqualTo(1);
		assertThat(app.scrape()).anyMatch((line) -> line.startsWith("hikaricp_connections_max{"));
	}

	@Test
	void failedStatementsAreCountedByKindOfError() {
		double before = app.sample("database_errors_total", "error=\"syntax\"");
		assertThat(app.get("/db/missing-table").statusCode()).isEqualTo(500);
		assertThat(app.sample("database_errors_total", "error=\"syntax\"")).isEqualTo(before + 1);
		assertThat(app.sample("database_operations_total", "operation=\"select\"", "status=\"error\""))
			.isGreaterThanOrEqualTo(1);
		assertThat(app.get("/db/duplicate").statusCode()).isEqualTo(500);
		assertThat(app.sample("database_errors_total", "error=\"constraint\"")).isGreaterThanOrEqualTo(1);
		// Registered at zero, so that the first connection failure shows as an increase.
		assertThat(app.scrape())
			.anyMatch((line) -> line.startsWith("database_errors_total{") && line.contains("error=\"connection\""));
	}

	@Test
	void statementsOutsideTracedWorkAreMeasuredButStartNoTrace() {
		app.spans().reset();
		for (int i = 0; i < 3; i++) {
			// The probe is not traced; its db health check borrows and validates a
			// connection.
			HttpResponse<String> health = app.get("/actuator/health");
			assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
		}
		// A statement run by no traced work at all (here, the test's own thread).
		double before = app.sample("database_operations_total", "operation=\"delete\"", "status=\"success\"");
		app.context().getBean(JdbcClient.class).sql("delete from db_obs_items where name = 'never-there'").update();
		assertThat(app.sample("database_operations_total", "operation=\"delete\"", "status=\"success\""))
			.isEqualTo(before + 1);
		assertThat(app.get("/db/items").statusCode()).isEqualTo(200);
		awaitSpan("select db_obs_items");
		assertThat(app.spans().getFinishedSpanItems())
			.allSatisfy((span) -> assertThat(span.getParentSpanContext().isValid() || span.getKind() == SpanKind.SERVER)
				.as(span.getName() + " is a root span")
				.isTrue());
	}

	static SpanData awaitSpan(String name) {
		await().atMost(Duration.ofSeconds(10)).until(() -> find(name).isPresent());
		return find(name).orElseThrow();
	}

	private static Optional<SpanData> find(String name) {
		List<SpanData> spans = app.spans().getFinishedSpanItems();
		return spans.stream().filter((span) -> span.getName().equals(name)).findFirst();
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@RestController
	static class App {

		private final JdbcClient jdbc;

		App(JdbcClient jdbc) {
			this.jdbc = jdbc;
			jdbc.sql("create table if not exists db_obs_items (id serial primary key, name varchar(64) unique)")
				.update();
		}

		@GetMapping("/db/items")
		List<String> items() {
			this.jdbc.sql("insert into db_obs_items (name) values (?) on conflict do nothing")
				.param(SECRET_VALUE + System.nanoTime())
				.update();
			return this.jdbc.sql("select name from db_obs_items where name <> ? limit 5")
				.param(SECRET_VALUE)
				.query(String.class)
				.list();
		}

		@GetMapping("/db/missing-table")
		List<String> missing() {
			return this.jdbc.sql("select name from db_obs_no_such_table").query(String.class).list();
		}

		@GetMapping("/db/duplicate")
		int duplicate() {
			this.jdbc.sql("insert into db_obs_items (name) values ('dup') on conflict do nothing").update();
			return this.jdbc.sql("insert into db_obs_items (name) values ('dup')").update();
		}

	}

}
