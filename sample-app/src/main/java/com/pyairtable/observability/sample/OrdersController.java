package com.pyairtable.observability.sample;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import com.pyairtable.observability.saga.SagaResult;
import com.pyairtable.observability.saga.SagaRunner;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Imports a record as a saga, as the SAGA orchestrator does: create it in Airtable, store
 * it, notify. One notification in five fails, and the earlier steps are compensated.
 */
@RestController
@RequestMapping("/api/orders")
public class OrdersController {

	private final SagaRunner sagas;

	private final SelfClients clients;

	private final JdbcClient jdbc;

	private final SampleProperties properties;

	private final AtomicLong notifications = new AtomicLong();

	public OrdersController(SagaRunner sagas, SelfClients clients, JdbcClient jdbc, SampleProperties properties) {
		this.sagas = sagas;
		this.clients = clients;
		this.jdbc = jdbc;
		this.properties = properties;
	}

	@PostMapping
	ResponseEntity<Object> importRecord() {
		AtomicReference<String> airtableId = new AtomicReference<>("pending");
		SagaResult result = this.sagas.saga("record-import")
			.step("create-airtable", () -> airtableId.set(createInAirtable()), () -> deleteInAirtable(airtableId.get()))
			.step("store-db",
					() -> this.jdbc.sql("INSERT INTO records (name, airtable_id) VALUES (?, ?)")
						.params("imported", airtableId.get())
						.update(),
					() -> this.jdbc.sql("DELETE FROM records WHERE airtable_id = ?").params(airtableId.get()).update())
			.step("notify", () -> {
				if (this.notifications.incrementAndGet() % 5 == 0) {
					throw new IllegalStateException("notification service unavailable");
				}
			})
			.run();
		HttpStatus status = result.isCompleted() ? HttpStatus.CREATED : HttpStatus.CONFLICT;
		return ResponseEntity.status(status).body(Map.of("saga", result.id(), "outcome", result.outcome().toString()));
	}

	private String createInAirtable() {
		Map<?, ?> created = this.clients.airtable()
			.post()
			.uri("/v0/{base}/{table}", this.properties.getAirtableBase(), "Orders")
			.body(Map.of("fields", Map.of("Name", "order")))
			.retrieve()
			.body(Map.class);
		return String.valueOf(created.get("id"));
	}

	private void deleteInAirtable(String id) {
		this.clients.airtable()
			.delete()
			.uri("/v0/{base}/{table}/{id}", this.properties.getAirtableBase(), "Orders", id)
			.retrieve()
			.toBodilessEntity();
	}

}
