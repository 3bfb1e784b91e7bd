package com.pyairtable.observability.autoconfigure.sentry;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.pyairtable.observability.sentry.PlatformSentryEventProcessor;
import com.pyairtable.observability.testsupport.SentryStandIn;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.sentry.Breadcrumb;
import io.sentry.Sentry;
import io.sentry.protocol.User;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Sentry's Spring Boot 4 integration reporting to a local stand-in (the DSN points at
 * loopback): an unhandled error of a request arrives with the trace id of the request's
 * span, the request id, the service identity, secrets redacted, and no transaction
 * (Sentry's tracing stays off).
 */
class SentryIntegrationTests {

	private static final String SECRET = "sk-abcdefghijklmnopqrstuvwxyz123456";

	private static final String JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1c2VyLTQyIn0.c2lnbmF0dXJlLXZhbHVl";

	private static final String OPAQUE = "opaque-credential-7f3a9c";

	private static final HttpClient CLIENT = HttpClient.newHttpClient();

	private static SentryStandIn sentry;

	private static ConfigurableApplicationContext context;

	@BeforeAll
	static void start() {
		sentry = new SentryStandIn();
		SpringApplication application = new SpringApplication(App.class);
		application.setWebApplicationType(WebApplicationType.SERVLET);
		context = application.run("--server.port=0", "--server.address=127.0.0.1",
				"--spring.application.name=sentry-test", "--spring.main.banner-mode=off",
				"--pyairtable.observability.service.version=1.2.3", "--sentry.dsn=" + sentry.dsn(),
				// The most Sentry collects: every header, cookies and the request body.
				"--sentry.send-default-pii=true", "--sentry.max-request-body-size=always",
				"--management.tracing.sampling.probability=1.0",
				"--management.opentelemetry.tracing.export.schedule-delay=50ms",
				"--spring.autoconfigure.exclude="
						+ "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration,"
						+ "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration,"
						+ "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration,"
						+ "org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration,"
						+ "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration");
	}

	@AfterAll
	static void stop() {
		if (context != null) {
			context.close();
		}
		if (sentry != null) {
			sentry.close();
		}
	}

	@Test
	void anUnhandledErrorCarriesTheTraceTheRequestIdAndTheIdentityRedacted() throws Exception {
		assertThat(context.getBean(PlatformSentryEventProcessor.class)).isNotNull();
		int port = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
		HttpResponse<String> response = CLIENT
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/fail?api_key=" + SECRET))
				.header("X-Request-ID", "req-sentry-1")
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(500);
		Sentry.flush(5000);
		await().atMost(Duration.ofSeconds(10)).until(() -> event() != null);
		JsonNode event = event();
		JsonNode tags = event.path("tags");
		assertThat(tags.path("request_id").asString()).isEqualTo("req-sentry-1");
		assertThat(tags.path("service").asString()).isEqualTo("sentry-test");
		assertThat(tags.path("version").asString()).isEqualTo("1.2.3");
		assertThat(tags.path("tier").asString()).isEqualTo("application");
		assertThat(tags.path("environment").asString()).isEqualTo("development");
		InMemorySpanExporter spans = context.getBean(InMemorySpanExporter.class);
		await().atMost(Duration.ofSeconds(10)).until(() -> serverSpan(spans.getFinishedSpanItems()) != null);
		SpanData server = serverSpan(spans.getFinishedSpanItems());
		assertThat(tags.path("trace_id").asString()).isEqualTo(server.getTraceId());
		String json = event.toString();
		assertThat(json).doesNotContain(SECRET).contains("[REDACTED:");
		assertThat(event.path("exception").path("values").get(0).path("value").asString())
			.startsWith("payment provider refused key [REDACTED:");
		assertThat(sentry.items()).extracting(SentryStandIn.Item::type).doesNotContain("transaction");
	}

	@Test
	void headersCookiesBodyBreadcrumbsContextsAndTheUserArriveRedacted() throws Exception {
		int port = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
		HttpResponse<String> response = CLIENT.send(HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + port + "/fail-with-context?token=" + OPAQUE + "&page=2"))
			.header("Authorization", "Bearer " + JWT)
			.header("X-API-Key", OPAQUE)
			.header("Cookie", "SESSION=" + OPAQUE)
			.header("X-Request-ID", JWT)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"" + SECRET + "\",\"password\":\"" + OPAQUE + "\"}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(500);
		Sentry.flush(5000);
		JsonNode event = await().atMost(Duration.ofSeconds(10)).until(() -> event("order refused"), (e) -> e != null);
		String json = event.toString();
		assertThat(json).doesNotContain(SECRET).doesNotContain(JWT).doesNotContain(OPAQUE);
		JsonNode headers = event.path("request").path("headers");
		assertThat(headers.path("X-API-Key").asString()).isIn("", "[REDACTED]");
		assertThat(headers.path("Content-Type").asString()).isEqualTo("application/json");
		assertThat(event.path("request").path("query_string").asString()).contains("page=2");
		assertThat(event.path("breadcrumbs").toString()).contains("calling the provider");
		assertThat(event.path("contexts").path("order").path("amount").asInt()).isEqualTo(12);
		assertThat(event.path("tags").path("tenant").asString()).isEqualTo("acme");
		assertThat(event.path("extra").path("attempt").asString()).isEqualTo("3");
	}

	private static JsonNode event() {
		return event("payment provider refused");
	}

	private static JsonNode event(String text) {
		return sentry.items()
			.stream()
			.filter((item) -> item.type().equals("event"))
			.map(SentryStandIn.Item::payload)
			.filter((payload) -> payload.toString().contains(text))
			.findFirst()
			.orElse(null);
	}

	private static SpanData serverSpan(List<SpanData> spans) {
		return spans.stream()
			.filter((span) -> "/fail".equals(span.getAttributes().get(AttributeKey.stringKey("uri"))))
			.findFirst()
			.orElse(null);
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@RestController
	static class App {

		@Bean
		InMemorySpanExporter inMemorySpanExporter() {
			return InMemorySpanExporter.create();
		}

		@GetMapping("/fail")
		String fail() {
			throw new IllegalStateException("payment provider refused key " + SECRET);
		}

		@PostMapping("/fail-with-context")
		String failWithContext(@RequestBody String body) {
			Breadcrumb breadcrumb = Breadcrumb.http("https://provider.example/v1?api_key=" + SECRET, "POST", 401);
			breadcrumb.setMessage("calling the provider with Bearer " + JWT);
			breadcrumb.setData("password", OPAQUE);
			Sentry.addBreadcrumb(breadcrumb);
			Sentry.configureScope((scope) -> {
				scope.setExtra("attempt", "3");
				scope.setExtra("prompt", "use " + SECRET);
				scope.setTag("tenant", "acme");
				scope.setTag("api_token", OPAQUE);
				scope.setContexts("order", Map.of("amount", 12, "card_token", OPAQUE, "note", "key " + SECRET));
				User user = new User();
				user.setUsername("Bearer " + JWT);
				user.setData(Map.of("session", OPAQUE));
				scope.setUser(user);
			});
			throw new IllegalStateException("order refused for " + body.length() + " bytes, token " + JWT);
		}

	}

}
