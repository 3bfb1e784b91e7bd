package com.pyairtable.observability.sentry;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import com.pyairtable.observability.core.ServiceIdentity;
import com.pyairtable.observability.logging.SecretRedactor;
import io.sentry.Breadcrumb;
import io.sentry.Hint;
import io.sentry.JsonSerializer;
import io.sentry.SentryEvent;
import io.sentry.SentryOptions;
import io.sentry.protocol.Mechanism;
import io.sentry.protocol.Message;
import io.sentry.protocol.Request;
import io.sentry.protocol.Response;
import io.sentry.protocol.SentryException;
import io.sentry.protocol.SentryStackFrame;
import io.sentry.protocol.SentryStackTrace;
import io.sentry.protocol.User;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Sentry event carrying a secret in every part Sentry sends, decorated and redacted by
 * the processor, then serialized as Sentry's transport would: no secret is left, headers
 * and cookies holding credentials are masked whole, and a failing redaction never lets
 * the event out as it was.
 */
class PlatformSentryEventProcessorTests {

	private static final String SECRET = "sk-abcdefghijklmnopqrstuvwxyz123456";

	private static final String JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1c2VyLTQyIn0.c2lnbmF0dXJlLXZhbHVl";

	private static final String OPAQUE = "opaque-credential-7f3a9c";

	private static final ServiceIdentity IDENTITY = new ServiceIdentity("orders", "1.0.0", "application", "production");

	private final SecretRedactor redactor = SecretRedactor.withDefaults();

	@Test
	void redactsEveryPartOfAnEvent() {
		SentryEvent event = eventWithSecretsEverywhere();
		SentryEvent processed = processor(this.redactor::redact).process(event, new Hint());
		assertThat(processed).isNotNull();
		String json = serialize(processed);
		assertThat(json).doesNotContain(SECRET).doesNotContain(JWT).doesNotContain(OPAQUE).contains("[REDACTED");
		assertThat(processed.getMessage().getFormatted()).startsWith("refused key " + SecretRedactor.MARKER);
		assertThat(processed.getMessage().getParams()).singleElement()
			.satisfies((param) -> assertThat(param).contains(SecretRedactor.MARKER));
		assertThat(processed.getExceptions().get(0).getValue()).startsWith("refused key " + SecretRedactor.MARKER);
		Request request = processed.getRequest();
		assertThat(request.getHeaders()).containsEntry("Authorization", SentryEventRedaction.MASK)
			.containsEntry("X-API-Key", SentryEventRedaction.MASK)
			.containsEntry("Accept", "application/json");
		assertThat(request.getCookies()).isEqualTo(SentryEventRedaction.MASK);
		assertThat(request.getQueryString()).contains("page=2").contains("token=").doesNotContain(OPAQUE);
		assertThat(request.getUrl()).isEqualTo("https://api.example.com/orders");
		Response response = (Response) processed.getContexts().get(Response.TYPE);
		assertThat(response.getHeaders()).containsEntry("Set-Cookie", SentryEventRedaction.MASK);
		assertThat(processed.getTags()).containsEntry("service", "orders")
			.containsEntry("tenant", "acme")
			.containsEntry("session", SentryEventRedaction.MASK);
		assertThat(processed.getTag("request_id")).contains(SecretRedactor.MARKER);
		assertThat(processed.getBreadcrumbs().get(0).getData()).containsEntry("status", 401)
			.containsEntry("password", SentryEventRedaction.MASK);
		assertThat(processed.getExtras()).containsEntry("input_tokens", 1200).containsEntry("region", "eu-west-1");
	}

	@Test
	void sendsTheEventStrippedOfItsTextWhenRedactionFails() {
		UnaryOperator<@Nullable String> failing = (text) -> {
			throw new IllegalStateException("cannot redact " + text);
		};
		SentryEvent processed = processor(failing).process(eventWithSecretsEverywhere(), new Hint());
		assertThat(processed).isNotNull();
		String json = serialize(processed);
		assertThat(json).doesNotContain(SECRET).doesNotContain(JWT).doesNotContain(OPAQUE);
		assertThat(processed.getExceptions()).singleElement().satisfies((exception) -> {
			assertThat(exception.getType()).isEqualTo("IllegalStateException");
			assertThat(exception.getValue()).isEqualTo(SentryEventRedaction.MASK);
		});
	}

	@Test
	void redactsEvenWhenTaggingFails() {
		PlatformSentryEventProcessor processor = new PlatformSentryEventProcessor(IDENTITY, () -> {
			throw new IllegalStateException("no tracer");
		}, this.redactor::redact);
		SentryEvent processed = processor.process(eventWithSecretsEverywhere(), new Hint());
		assertThat(serialize(processed)).doesNotContain(SECRET).doesNotContain(JWT).doesNotContain(OPAQUE);
	}

	@Test
	void masksCredentialsWhateverTheirName() {
		assertThat(List.of("Authorization", "proxy-authorization", "Cookie", "Set-Cookie", "X-API-Key", "X-Auth-Token",
				"password", "client_secret", "access_token", "apiKey", "x-amz-security-token"))
			.allMatch(SentryEventRedaction::isSensitiveName);
		assertThat(List.of("Accept", "Content-Type", "User-Agent", "page", "region", "X-Request-ID"))
			.noneMatch(SentryEventRedaction::isSensitiveName);
	}

	private PlatformSentryEventProcessor processor(UnaryOperator<@Nullable String> redactor) {
		return new PlatformSentryEventProcessor(IDENTITY, () -> null, redactor);
	}

	private static SentryEvent eventWithSecretsEverywhere() {
		SentryEvent event = new SentryEvent();
		Message message = new Message();
		message.setMessage("refused key {}");
		message.setFormatted("refused key " + SECRET);
		message.setParams(List.of(SECRET));
		event.setMessage(message);
		SentryException exception = new SentryException();
		exception.setType("IllegalStateException");
		exception.setValue("refused key " + SECRET);
		Mechanism mechanism = new Mechanism();
		mechanism.setType("generic");
		mechanism.setDescription("while calling with Bearer " + JWT);
		mechanism.setData(new LinkedHashMap<>(Map.of("note", "Bearer " + JWT)));
		exception.setMechanism(mechanism);
		SentryStackFrame frame = new SentryStackFrame();
		frame.setFunction("call");
		frame.setModule("com.example.Orders");
		frame.setVars(new LinkedHashMap<>(Map.of("apiKey", OPAQUE, "url", "https://x.example?api_key=" + SECRET)));
		SentryStackTrace stackTrace = new SentryStackTrace(new ArrayList<>(List.of(frame)));
		exception.setStacktrace(stackTrace);
		event.setExceptions(new ArrayList<>(List.of(exception)));
		Breadcrumb breadcrumb = new Breadcrumb("called https://api.example.com?token=" + OPAQUE);
		breadcrumb.setData("status", 401);
		breadcrumb.setData("password", OPAQUE);
		breadcrumb.setData("body", Map.of("auth", Map.of("bearer", "Bearer " + JWT)));
		event.addBreadcrumb(breadcrumb);
		event.setExtra("input_tokens", 1200);
		event.setExtra("region", "eu-west-1");
		event.setExtra("prompt", "use key " + SECRET);
		event.setExtra("headers", List.of("Authorization: Bearer " + JWT));
		event.setTag("tenant", "acme");
		event.setTag("request_id", JWT);
		event.setTag("session", OPAQUE);
		Request request = new Request();
		request.setUrl("https://user:" + OPAQUE + "@api.example.com/orders");
		request.setMethod("POST");
		request.setQueryString("page=2&token=" + OPAQUE + "&q=" + SECRET);
		request.setCookies("SESSION=" + OPAQUE);
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("Accept", "application/json");
		headers.put("Authorization", "Digest username=\"u\", response=\"" + OPAQUE + "\"");
		headers.put("X-API-Key", OPAQUE);
		headers.put("X-Forwarded-Note", "Bearer " + JWT);
		request.setHeaders(headers);
		request.setData(Map.of("password", OPAQUE, "model", SECRET, "nested", List.of(Map.of("token", OPAQUE))));
		request.setEnvs(new LinkedHashMap<>(Map.of("REMOTE_USER", SECRET)));
		event.setRequest(request);
		Response response = new Response();
		response.setHeaders(new LinkedHashMap<>(Map.of("Set-Cookie", "SESSION=" + OPAQUE)));
		response.setCookies("SESSION=" + OPAQUE);
		response.setData("echo " + SECRET);
		event.getContexts().setResponse(response);
		event.getContexts().put("payment", Map.of("card_token", OPAQUE, "provider_key", SECRET, "amount", 12));
		event.getContexts().put("raw", "Bearer " + JWT);
		User user = new User();
		user.setId("user " + SECRET);
		user.setUsername(JWT);
		user.setEmail("jane@example.com");
		user.setData(new LinkedHashMap<>(Map.of("api_token", OPAQUE)));
		event.setUser(user);
		event.setTransaction("POST /orders/" + SECRET);
		event.setFingerprints(List.of("{{ default }}", SECRET));
		return event;
	}

	private static String serialize(SentryEvent event) {
		StringWriter writer = new StringWriter();
		try {
			new JsonSerializer(SentryOptions.empty()).serialize(event, writer);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		return writer.toString();
	}

}
