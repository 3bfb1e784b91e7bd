package com.pyairtable.observability.sample;

import java.util.Map;

import org.springframework.cache.annotation.Cacheable;
import org.springframework.stereotype.Service;

/**
 * Record lookups from Airtable, cached by Spring's cache abstraction: the starter counts
 * the cache's hits and misses with no code here.
 */
@Service
public class RecordLookup {

	static final String TABLE = "Sample Records";

	private final SelfClients clients;

	private final SampleProperties properties;

	public RecordLookup(SelfClients clients, SampleProperties properties) {
		this.clients = clients;
		this.properties = properties;
	}

	@Cacheable("records")
	public Map<?, ?> find(String airtableId) {
		return this.clients.airtable()
			.get()
			.uri("/v0/{base}/{table}/{id}", this.properties.getAirtableBase(), TABLE, airtableId)
			.retrieve()
			.body(Map.class);
	}

}
