package com.pyairtable.observability.sample;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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

	private final Map<String, Map<?, ?>> recent = new ConcurrentHashMap<>();

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
		return this.jdbc.sql("SELECT id, name, airtable_id FROM records ORDER BY id DESC LIMIT 20").query().listOfRows();
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
			// The gateway's own response cache, reported to the Airtable cache metric by hand.
			Map<?, ?> recent = this.recent.get(airtableId);
			this.airtableMetrics.recordCacheOperation("get", recent != null);
			Map<?, ?> record = (recent != null) ? recent : this.lookup.find(airtableId);
			if (recent == null && this.recent.size() < 100) {
				this.recent.put(airtableId, record);
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
