package com.pyairtable.observability.testsupport;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;

/**
 * OTLP attributes as text, for assertions and for searching everything an export carried.
 */
final class OtlpText {

	private OtlpText() {
	}

	/** String values as they are, other values as their protobuf text. */
	static Map<String, String> attributes(List<KeyValue> attributes) {
		Map<String, String> map = new LinkedHashMap<>();
		for (KeyValue attribute : attributes) {
			AnyValue value = attribute.getValue();
			map.put(attribute.getKey(), value.hasStringValue() ? value.getStringValue() : value.toString().trim());
		}
		return map;
	}

	/** Appends {@code key=} and every string inside the value, one a line. */
	static void append(StringBuilder text, List<KeyValue> attributes) {
		for (KeyValue attribute : attributes) {
			text.append(attribute.getKey()).append('=');
			append(text, attribute.getValue());
		}
	}

	/** Appends every string inside a value, arrays and maps included, one a line. */
	static void append(StringBuilder text, AnyValue value) {
		switch (value.getValueCase()) {
			case STRING_VALUE -> text.append(value.getStringValue()).append('\n');
			case ARRAY_VALUE -> value.getArrayValue().getValuesList().forEach((item) -> append(text, item));
			case KVLIST_VALUE -> append(text, value.getKvlistValue().getValuesList());
			case BYTES_VALUE -> text.append(value.getBytesValue().toString(StandardCharsets.UTF_8)).append('\n');
			default -> text.append(value.toString().trim()).append('\n');
		}
	}

}
