package com.pyairtable.observability.sample;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A stand-in for an OpenAI-compatible chat completions API, reporting token usage. It has
 * an outage of eight calls in every forty, long enough to open the caller's circuit
 * breaker, and recovers, so that the breaker closes again.
 */
@RestController
@RequestMapping("/fake-llm/v1")
public class FakeLlmController {

	private final AtomicLong calls = new AtomicLong();

	@PostMapping("/chat/completions")
	ResponseEntity<Object> complete(@RequestBody Map<String, Object> request) {
		if (this.calls.incrementAndGet() % 40 >= 32) {
			return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
				.body(Map.of("error", Map.of("message", "overloaded")));
		}
		Object model = request.getOrDefault("model", "gemini-2.5-flash");
		String prompt = String.valueOf(request.getOrDefault("messages", ""));
		int inputTokens = Math.max(1, prompt.length() / 4);
		int outputTokens = 20 + (int) (this.calls.get() % 30);
		return ResponseEntity
			.ok(Map.of("id", "chatcmpl-" + this.calls.get(), "object", "chat.completion", "model", model, "choices",
					List.of(Map.of("index", 0, "finish_reason", "stop", "message",
							Map.of("role", "assistant", "content", "A summary of your records."))),
					"usage", Map.of("prompt_tokens", inputTokens, "completion_tokens", outputTokens, "total_tokens",
							inputTokens + outputTokens)));
	}

}
