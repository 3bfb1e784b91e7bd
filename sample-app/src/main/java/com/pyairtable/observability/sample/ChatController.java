package com.pyairtable.observability.sample;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.HttpServerErrorException;

/**
 * Asks the (fake) model about the records, as the LLM orchestrator does.
 */
@RestController
@RequestMapping("/api/chat")
public class ChatController {

	private final SelfClients clients;

	public ChatController(SelfClients clients) {
		this.clients = clients;
	}

	@PostMapping
	ResponseEntity<Object> chat(@RequestBody Map<String, String> body) {
		String model = body.getOrDefault("model", "gemini-2.5-flash");
		Map<String, Object> request = Map.of("model", model, "messages",
				List.of(Map.of("role", "user", "content", body.getOrDefault("prompt", "Summarise my records"))));
		try {
			Map<?, ?> answer = this.clients.llm().post().uri("/v1/chat/completions").body(request).retrieve().body(Map.class);
			return ResponseEntity.ok(Map.of("model", model, "usage", answer.get("usage")));
		}
		catch (HttpServerErrorException ex) {
			return ResponseEntity.status(HttpStatus.BAD_GATEWAY).body(Map.of("error", "model unavailable"));
		}
	}

}
