package com.pyairtable.observability.sample;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.pyairtable.observability.llm.LlmCall;
import com.pyairtable.observability.llm.LlmMetrics;
import com.pyairtable.observability.llm.LlmSession;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.HttpServerErrorException;

/**
 * Asks the (fake) model about the records, as the LLM orchestrator does: behind a circuit
 * breaker, with token usage and cost recorded through the starter's LLM API.
 */
@RestController
@RequestMapping("/api/chat")
public class ChatController {

	private static final String PROVIDER = "openai-compatible";

	private final SelfClients clients;

	private final LlmMetrics llmMetrics;

	private final CircuitBreaker breaker;

	public ChatController(SelfClients clients, LlmMetrics llmMetrics, CircuitBreakerRegistry breakers) {
		this.clients = clients;
		this.llmMetrics = llmMetrics;
		this.breaker = breakers.circuitBreaker("llm",
				CircuitBreakerConfig.custom()
					.slidingWindowSize(10)
					.minimumNumberOfCalls(5)
					.failureRateThreshold(50)
					.waitDurationInOpenState(Duration.ofSeconds(3))
					.permittedNumberOfCallsInHalfOpenState(2)
					.automaticTransitionFromOpenToHalfOpenEnabled(true)
					.build());
	}

	@PostMapping
	ResponseEntity<Object> chat(@RequestBody Map<String, String> body) {
		String model = body.getOrDefault("model", "gemini-2.5-flash");
		Map<String, Object> request = Map.of("model", model, "messages",
				List.of(Map.of("role", "user", "content", body.getOrDefault("prompt", "Summarise my records"))));
		try (LlmSession session = this.llmMetrics.openSession()) {
			long start = System.nanoTime();
			try {
				Map<?, ?> answer = this.breaker.executeSupplier(() -> this.clients.llm()
					.post()
					.uri("/v1/chat/completions")
					.body(request)
					.retrieve()
					.body(Map.class));
				Map<?, ?> usage = (Map<?, ?>) answer.get("usage");
				this.llmMetrics.recordCall(LlmCall.builder(PROVIDER, model)
					.inputTokens(((Number) usage.get("prompt_tokens")).longValue())
					.outputTokens(((Number) usage.get("completion_tokens")).longValue())
					.duration(Duration.ofNanos(System.nanoTime() - start))
					.build());
				return ResponseEntity.ok(Map.of("model", model, "usage", usage));
			}
			catch (HttpServerErrorException ex) {
				this.llmMetrics.recordCall(LlmCall.builder(PROVIDER, model)
					.failed()
					.duration(Duration.ofNanos(System.nanoTime() - start))
					.build());
				return ResponseEntity.status(HttpStatus.BAD_GATEWAY).body(Map.of("error", "model unavailable"));
			}
			catch (CallNotPermittedException ex) {
				return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
					.body(Map.of("error", "model circuit open"));
			}
		}
	}

}
