package com.pyairtable.observability.opskit;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Ordered maps for the kit's YAML and JSON documents.
 */
final class Maps {

	private Maps() {
	}

	static Map<String, Object> of(Object... keysAndValues) {
		Map<String, Object> map = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			map.put((String) keysAndValues[i], keysAndValues[i + 1]);
		}
		return map;
	}

}
