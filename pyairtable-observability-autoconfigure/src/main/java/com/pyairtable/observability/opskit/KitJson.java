package com.pyairtable.observability.opskit;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes and reads the kit's JSON files (the dashboards), indented.
 */
final class KitJson {

	private static final JsonMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private KitJson() {
	}

	static String dump(Object document) {
		return MAPPER.writeValueAsString(document);
	}

	static Object load(String json) {
		return MAPPER.readValue(json, Object.class);
	}

}
