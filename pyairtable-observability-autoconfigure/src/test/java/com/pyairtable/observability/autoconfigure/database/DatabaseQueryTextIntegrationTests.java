package com.pyairtable.observability.autoconfigure.database;

import java.time.Duration;
import java.util.Optional;

import com.pyairtable.observability.logging.Secrets;
import com.pyairtable.observability.testsupport.TestServices;
import com.pyairtable.observability.testsupport.TestWebApp;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.trace.data.SpanData;
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
 * When asked for, the SQL text joins the span: with its placeholders, and redacted.
 */
@Tag(TestServices.TAG)
class DatabaseQueryTextIntegrationTests {

	@Test
	void queryTextIsOnTheSpanRedactedAndWithoutBoundValues() {
		try (TestWebApp app = TestWebApp.startTraced(App.class,
				TestServices.postgres().propertyValues("pyairtable.observability.database.include-query-text=true"))) {
			assertThat(app.get("/db/text").statusCode()).isEqualTo(200);
			await().atMost(Duration.ofSeconds(10)).until(() -> find(app, "select").isPresent());
			String text = find(app, "select").orElseThrow()
				.getAttributes()
				.get(AttributeKey.stringKey("db.query.text"));
			assertThat(text).startsWith("select ? as bound, ").contains("[REDACTED:");
			assertThat(text).doesNotContain(Secrets.OPENAI_KEY).doesNotContain("bound-4711");
		}
	}

	private static Optional<SpanData> find(TestWebApp app, String name) {
		return app.spans().getFinishedSpanItems().stream().filter((span) -> span.getName().equals(name)).findFirst();
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@RestController
	static class App {

		private final JdbcClient jdbc;

		App(JdbcClient jdbc) {
			this.jdbc = jdbc;
		}

		@GetMapping("/db/text")
		String text() {
			return this.jdbc.sql("select ? as bound, 'openai=" + Secrets.OPENAI_KEY + "' as literal")
				.param("bound-4711")
				.query((rs, row) -> rs.getString(1))
				.single();
		}

	}

}
