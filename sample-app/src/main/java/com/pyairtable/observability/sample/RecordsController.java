package com.pyairtable.observability.sample;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import com.pyairtable.observability.airtable.AirtableMetrics;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.HttpClientErrorException;

/**
 * The gateway's API: records are created in Airtable and kept in the local database.
 */
@RestController
@RequestMapping("/api/records")
public class RecordsController {

	private static final String TABLE = RecordLookup.TABLE;

	private final SelfClients clients;

	private final JdbcClient jdbc;

	private final SampleProperties properties;

	private final RecordLookup lookup;

	private final AirtableMetrics airtableMetrics;

	private final AtomicReference<Map.Entry<String, Map<?, ?>>> lastRecord = new AtomicReference<>();

	public RecordsController(SelfClients clients, JdbcClient jdbc, SampleProperties properties, RecordLookup lookup,
			AirtableMetrics airtableMetrics) {
		this.clients = clients;
		this.jdbc = jdbc;
		this.properties = properties;
		this.lookup = lookup;
		this.airtableMetrics = airtableMetrics;
	}

	@GetMapping
	List<Map<String, Object>> list() {
		return this.jdbc.sql("SELECT id, name, airtable_id FROM records ORDER BY id DESC LIMIT 20")
			.query()
			.listOfRows();
	}

	@PostMapping
	ResponseEntity<Object> create(@RequestBody Map<String, String> body) {
		String name = body.getOrDefault("name", "unnamed");
		try {
			Map<?, ?> created = this.clients.airtable()
				.post()
				.uri("/v0/{base}/{table}", this.properties.getAirtableBase(), TABLE)
				.body(Map.of("fields", Map.of("Name", name)))
				.retrieve()
				.body(Map.class);
			String airtableId = String.valueOf(created.get("id"));
			this.jdbc.sql("INSERT INTO records (name, airtable_id) VALUES (?, ?)").params(name, airtableId).update();
			return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("name", name, "airtableId", airtableId));
		}
		catch (HttpClientErrorException.TooManyRequests ex) {
			return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(Map.of("error", "Airtable rate limit"));
		}
	}

	@GetMapping("/{airtableId}")
	ResponseEntity<Object> get(@PathVariable String airtableId) {
		try {
			// The gateway's own one-entry response cache, reported to the Airtable cache
			// metric
			// by hand; behind it, Spring's cache (recorded by the starter with no code).
			Map.Entry<String, Map<?, ?>> last = this.lastRecord.get();
			boolean hit = last != null && last.getKey().equals(airtableId);
			this.airtableMetrics.recordCacheOperation("get", hit);
			Map<?, ?> record = hit ? last.getValue() : this.lookup.find(airtableId);
			if (!hit) {
				this.lastRecord.set(Map.entry(airtableId, record));
			}
			return ResponseEntity.ok(record);
		}
		catch (HttpClientErrorException.TooManyRequests ex) {
			return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(Map.of("error", "Airtable rate limit"));
		}
	}

	@PostMapping("/sync")
	ResponseEntity<Object> sync() {
		try {
			this.clients.airtable()
				.get()
				.uri("/v0/meta/bases/{base}/tables", this.properties.getAirtableBase())
				.retrieve()
				.toBodilessEntity();
			Map<?, ?> page = this.clients.airtable()
				.get()
				.uri((uri) -> uri.path("/v0/{base}/{table}")
					.queryParam("pageSize", 10)
					.build(this.properties.getAirtableBase(), TABLE))
				.retrieve()
				.body(Map.class);
			return ResponseEntity.ok(Map.of("synced", ((List<?>) page.get("records")).size()));
		}
		catch (HttpClientErrorException.TooManyRequests ex) {
			return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(Map.of("error", "Airtable rate limit"));
		}
	}

}
