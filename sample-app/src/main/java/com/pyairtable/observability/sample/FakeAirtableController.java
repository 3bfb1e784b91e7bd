package com.pyairtable.observability.sample;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A stand-in for the Airtable REST API
 * ({@code /v0/{baseId}/{tableIdOrName}[/{recordId}]}). Like the real API under load it
 * answers 429 now and then: five calls in a row out of every 150 (deletes excepted, so
 * that the sample's compensations go through).
 */
@RestController
@RequestMapping("/fake-airtable/v0")
public class FakeAirtableController {

	private final AtomicLong calls = new AtomicLong();

	@GetMapping("/meta/bases/{baseId}/tables")
	ResponseEntity<Object> tables(@PathVariable String baseId) {
		return answer(() -> Map.of("tables", List.of(Map.of("id", "tblRecords000001", "name", "Records"))));
	}

	@GetMapping("/{baseId}/{table}")
	ResponseEntity<Object> list(@PathVariable String baseId, @PathVariable String table) {
		return answer(() -> Map.of("records", List.of(record("rec" + shortId(), Map.of("Name", "first")))));
	}

	@GetMapping("/{baseId}/{table}/{recordId}")
	ResponseEntity<Object> get(@PathVariable String baseId, @PathVariable String table, @PathVariable String recordId) {
		return answer(() -> record(recordId, Map.of("Name", "found")));
	}

	@PostMapping("/{baseId}/{table}")
	ResponseEntity<Object> create(@PathVariable String baseId, @PathVariable String table,
			@RequestBody Map<String, Object> body) {
		return answer(() -> record("rec" + shortId(), fields(body)));
	}

	@PatchMapping("/{baseId}/{table}/{recordId}")
	ResponseEntity<Object> update(@PathVariable String baseId, @PathVariable String table,
			@PathVariable String recordId, @RequestBody Map<String, Object> body) {
		return answer(() -> record(recordId, fields(body)));
	}

	@DeleteMapping("/{baseId}/{table}/{recordId}")
	ResponseEntity<Object> delete(@PathVariable String baseId, @PathVariable String table,
			@PathVariable String recordId) {
		this.calls.incrementAndGet();
		return ResponseEntity.ok(Map.of("id", recordId, "deleted", true));
	}

	private ResponseEntity<Object> answer(java.util.function.Supplier<Object> body) {
		if (this.calls.incrementAndGet() % 150 >= 145) {
			return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
				.body(Map.of("errors", List.of(Map.of("error", "RATE_LIMIT_REACHED"))));
		}
		return ResponseEntity.ok(body.get());
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> fields(Map<String, Object> body) {
		Object fields = body.get("fields");
		return (fields instanceof Map<?, ?> map) ? (Map<String, Object>) map : Map.of();
	}

	private static Map<String, Object> record(String id, Map<String, Object> fields) {
		return Map.of("id", id, "createdTime", "2026-01-01T00:00:00.000Z", "fields", fields);
	}

	private static String shortId() {
		return UUID.randomUUID().toString().replace("-", "").substring(0, 14);
	}

}
