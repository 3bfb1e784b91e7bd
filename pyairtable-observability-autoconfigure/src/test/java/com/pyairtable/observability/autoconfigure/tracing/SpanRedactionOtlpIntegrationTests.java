package com.pyairtable.observability.autoconfigure.tracing;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.pyairtable.observability.testsupport.OtlpCollector;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A span carrying secrets in its name, string and string-array attributes, an event, an
 * exception, a link and the resource, exported by the starter to a real OTLP/HTTP
 * receiver that decodes the protobuf messages: none of the secrets arrives, and the
 * application's attribute length limit cuts values only once redacted.
 */
class SpanRedactionOtlpIntegrationTests {

	private static final String KEY = "sk-abcdefghijklmnopqrstuvwxyz123456";

	private static final String JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1c2VyLTQyIn0.c2lnbmF0dXJlLXZhbHVl";

	private static final String PAT = "patAbCdEfGhIjKlMn.0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

	@Test
	void noSecretOfASpanReachesTheCollector() throws Exception {
		try (OtlpCollector receiver = new OtlpCollector(); ConfigurableApplicationContext context = start(receiver)) {
			Span span = context.getBean(OpenTelemetry.class)
				.getTracer("redaction-test")
				.spanBuilder("call with " + KEY)
				.addLink(
						SpanContext.create("0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331",
								TraceFlags.getSampled(), TraceState.getDefault()),
						Attributes.of(AttributeKey.stringArrayKey("link.tokens"), List.of("Bearer " + JWT)))
				.startSpan();
			span.setAttribute("auth", "Bearer " + JWT);
			span.setAttribute("airtable.token", PAT);
			span.setAttribute(AttributeKey.stringArrayKey("keys"), List.of("plain", KEY));
			span.setAttribute("records", 42L);
			span.addEvent("retry", Attributes.of(AttributeKey.stringKey("url"), "https://x.example/v1?api_key=" + KEY));
			span.recordException(new IllegalStateException("provider refused " + KEY));
			span.end();
			String traceId = span.getSpanContext().getTraceId();
			await().atMost(Duration.ofSeconds(10)).until(() -> {
				context.getBean(SdkTracerProvider.class).forceFlush().join(5, TimeUnit.SECONDS);
				return receiver.spans().stream().anyMatch((received) -> received.traceId().equals(traceId));
			});
			String exported = receiver.traceRequests().toString();
			assertThat(exported).contains("[REDACTED")
				.doesNotContain(KEY)
				.doesNotContain(JWT)
				.doesNotContain("eyJhbGciOi")
				.doesNotContain("patAbCdEfGhIjKlMn")
				.doesNotContain("abcdefghijklmnop");
			ExportTraceServiceRequest request = receiver.traceRequests()
				.stream()
				.filter((candidate) -> candidate.toString().contains("redaction-test"))
				.findFirst()
				.orElseThrow();
			io.opentelemetry.proto.trace.v1.Span received = request.getResourceSpans(0)
				.getScopeSpansList()
				.stream()
				.flatMap((scope) -> scope.getSpansList().stream())
				.filter((candidate) -> candidate.getName().startsWith("call with"))
				.findFirst()
				.orElseThrow();
			assertThat(value(received.getAttributesList(), "records").getIntValue()).isEqualTo(42);
			assertThat(value(received.getAttributesList(), "auth").getStringValue()).hasSizeLessThanOrEqualTo(24)
				.startsWith("Bearer ");
			assertThat(received.getLinksCount()).isOne();
			List<KeyValue> resource = request.getResourceSpans(0).getResource().getAttributesList();
			assertThat(value(resource, "service.name").getStringValue()).isEqualTo("redaction-it");
			assertThat(value(resource, "deploy.note").getStringValue()).contains("[REDACTED");
		}
	}

	private static io.opentelemetry.proto.common.v1.AnyValue value(List<KeyValue> attributes, String key) {
		return attributes.stream()
			.filter((attribute) -> attribute.getKey().equals(key))
			.findFirst()
			.orElseThrow()
			.getValue();
	}

	private static ConfigurableApplicationContext start(OtlpCollector receiver) {
		SpringApplication application = new SpringApplication(App.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		return application.run("--spring.main.banner-mode=off", "--pyairtable.observability.service.name=redaction-it",
				"--pyairtable.observability.tracing.export.endpoint=" + receiver.endpoint(),
				"--management.tracing.sampling.probability=1.0",
				"--management.opentelemetry.tracing.export.schedule-delay=50ms",
				"--management.opentelemetry.resource-attributes.deploy.note=Bearer " + JWT,
				"--management.opentelemetry.tracing.limits.max-attribute-value-length=24");
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class App {

	}

}
