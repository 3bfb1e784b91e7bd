package com.pyairtable.observability.autoconfigure.redis;

import java.net.http.HttpResponse;
import java.time.Duration;

import com.pyairtable.observability.testsupport.TestServices;
import com.pyairtable.observability.testsupport.TestWebApp;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Commands sent to the real Redis show in Lettuce's own command latency timers, in
 * {@code redis_operations_total{command,status}} and as spans of the request that sent
 * them.
 */
@Tag(TestServices.TAG)
class RedisObservabilityIntegrationTests {

	private static TestWebApp app;

	@BeforeAll
	static void start() {
		app = TestWebApp.startTraced(App.class,
				TestServices.redis()
					.propertyValues("spring.autoconfigure.exclude="
							+ "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration"));
	}

	@AfterAll
	static void stop() {
		if (app != null) {
			app.close();
		}
	}

	@Test
	void commandsAreTimedByLettuceAndCountedWithTheirStatus() {
		assertThat(app.get("/redis/incr").statusCode()).isEqualTo(200);
		assertThat(app.get("/redis/wrong-type").statusCode()).isEqualTo(500);
		assertThat(app.sample("lettuce_command_completion_seconds_count", "command=\"INCR\""))
			.isGreaterThanOrEqualTo(1);
		assertThat(app.sample("redis_operations_total", "command=\"INCR\"", "status=\"success\""))
			.isGreaterThanOrEqualTo(1);
		assertThat(app.sample("redis_operations_total", "command=\"INCR\"", "status=\"error\""))
			.isGreaterThanOrEqualTo(1);
	}

	@Test
	void commandsAreSpansOfTheRequest() {
		assertThat(app.get("/redis/incr").statusCode()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> app.spans()
				.getFinishedSpanItems()
				.stream()
				.anyMatch((span) -> span.getName().equalsIgnoreCase("incr") && hasParent(span)));
	}

	@Test
	void commandsOutsideTracedWorkAreCountedButStartNoTrace() {
		app.spans().reset();
		double before = app.sample("redis_operations_total", "status=\"success\"");
		// The probe is not traced; its redis health check sends commands all the same.
		HttpResponse<String> health = app.get("/actuator/health");
		assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
		assertThat(app.get("/redis/incr").statusCode()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> app.spans()
				.getFinishedSpanItems()
				.stream()
				.anyMatch((span) -> span.getName().equalsIgnoreCase("incr")));
		assertThat(app.spans().getFinishedSpanItems())
			.allSatisfy((span) -> assertThat(hasParent(span) || span.getKind() == SpanKind.SERVER)
				.as(span.getName() + " is a root span")
				.isTrue());
		assertThat(app.sample("redis_operations_total", "status=\"success\"")).isGreaterThan(before + 1);
	}

	private static boolean hasParent(SpanData span) {
		return span.getParentSpanContext().isValid();
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@RestController
	static class App {

		private final StringRedisTemplate redis;

		App(StringRedisTemplate redis) {
			this.redis = redis;
		}

		@GetMapping("/redis/incr")
		long incr() {
			return this.redis.opsForValue().increment("observability-test:counter");
		}

		@GetMapping("/redis/wrong-type")
		long wrongType() {
			this.redis.opsForValue().set("observability-test:text", "not a number");
			return this.redis.opsForValue().increment("observability-test:text");
		}

	}

}
