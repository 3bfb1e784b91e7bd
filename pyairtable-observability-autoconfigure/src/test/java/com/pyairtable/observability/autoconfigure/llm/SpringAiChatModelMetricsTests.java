package com.pyairtable.observability.autoconfigure.llm;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.pyairtable.observability.autoconfigure.cardinality.CardinalityObservabilityAutoConfiguration;
import com.pyairtable.observability.llm.SpringAiChatModelObservationHandler;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.observation.ChatModelObservationContext;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.ai.openai.OpenAiChatOptions;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Spring AI's {@code OpenAiChatModel} against a local OpenAI-compatible server over real
 * HTTP: the call is recorded in the LLM metrics with no application code, tokens and cost
 * included.
 */
class SpringAiChatModelMetricsTests {

	private static final String COMPLETION = """
			{"id":"chatcmpl-1","object":"chat.completion","created":1700000000,"model":"gpt-4o-mini-2024-07-18",
			 "choices":[{"index":0,"message":{"role":"assistant","content":"Hello!","refusal":null},
			 "logprobs":null,"finish_reason":"stop"}],
			 "usage":{"prompt_tokens":1200,"completion_tokens":300,"total_tokens":1500}}
			""";

	private static HttpServer server;

	private static final List<String> requests = new CopyOnWriteArrayList<>();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(MetricsAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class,
						CompositeMeterRegistryAutoConfiguration.class, ObservationAutoConfiguration.class,
						CardinalityObservabilityAutoConfiguration.class, LlmObservabilityAutoConfiguration.class))
		.withPropertyValues("pyairtable.observability.metrics.llm.pricing.gpt-4o-mini.input-per-million-tokens=0.15",
				"pyairtable.observability.metrics.llm.pricing.gpt-4o-mini.output-per-million-tokens=0.60");

	@BeforeAll
	static void startServer() throws IOException {
		System.setProperty("sun.net.httpserver.nodelay", "true");
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/", (exchange) -> {
			requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
			exchange.getRequestBody().readAllBytes();
			byte[] body = COMPLETION.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		});
		server.start();
	}

	@AfterAll
	static void stopServer() {
		server.stop(0);
	}

	@Test
	void recordsEveryChatModelCallFromSpringAiObservations() {
		this.runner.run((context) -> {
			OpenAiChatModel chatModel = OpenAiChatModel.builder()
				.options(OpenAiChatOptions.builder()
					.baseUrl("http://127.0.0.1:" + server.getAddress().getPort() + "/v1")
					.apiKey("test-key")
					.model("gpt-4o-mini")
					.build())
				.observationRegistry(context.getBean(ObservationRegistry.class))
				.build();
			ChatResponse response = chatModel.call(new Prompt("Say hello"));
			assertThat(response.getResult().getOutput().getText()).isEqualTo("Hello!");
			assertThat(requests).contains("POST /v1/chat/completions");
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.get("llm.requests")
				.tags("provider", "openai", "model", "gpt-4o-mini", "operation", "chat", "status", "success")
				.counter()
				.count()).isEqualTo(1);
			assertThat(registry.get("llm.tokens").tags("model", "gpt-4o-mini", "type", "input").counter().count())
				.isEqualTo(1200);
			assertThat(registry.get("llm.tokens").tags("model", "gpt-4o-mini", "type", "output").counter().count())
				.isEqualTo(300);
			assertThat(
					registry.get("llm.cost.usd").tags("provider", "openai", "model", "gpt-4o-mini").counter().count())
				.isCloseTo((1200 * 0.15 + 300 * 0.60) / 1_000_000, within(1e-12));
			assertThat(registry.get("llm.request.duration").tags("model", "gpt-4o-mini").timer().count()).isEqualTo(1);
		});
	}

	@Test
	void skipsTheHandlerWithoutSpringAi() {
		this.runner.withClassLoader(new FilteredClassLoader(ChatModelObservationContext.class))
			.run((context) -> assertThat(context).doesNotHaveBean(SpringAiChatModelObservationHandler.class));
	}

}
