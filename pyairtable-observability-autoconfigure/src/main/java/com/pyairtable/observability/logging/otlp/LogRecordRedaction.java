package com.pyairtable.observability.logging.otlp;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import io.opentelemetry.api.common.AttributeType;
import io.opentelemetry.api.common.KeyValue;
import io.opentelemetry.api.common.Value;
import org.jspecify.annotations.Nullable;

/**
 * The redaction of an exported log record's values: strings, string arrays and the
 * strings inside structured values. A value whose redaction fails is dropped
 * ({@code null}), never passed through.
 */
final class LogRecordRedaction {

	private final UnaryOperator<@Nullable String> redactor;

	LogRecordRedaction(UnaryOperator<@Nullable String> redactor) {
		this.redactor = redactor;
	}

	@Nullable String text(@Nullable String text) {
		if (text == null) {
			return null;
		}
		try {
			return this.redactor.apply(text);
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	/**
	 * The redacted value of an attribute.
	 * @param type the attribute's type
	 * @param value its value
	 * @return the redacted value, or {@code null} to drop the attribute
	 */
	@Nullable Object attribute(AttributeType type, Object value) {
		return switch (type) {
			case STRING -> text((String) value);
			case STRING_ARRAY -> texts((List<?>) value);
			case VALUE -> value((Value<?>) value);
			default -> value;
		};
	}

	private @Nullable List<String> texts(List<?> values) {
		List<String> redacted = new ArrayList<>(values.size());
		for (Object value : values) {
			String text = text(String.valueOf(value));
			if (text == null) {
				return null;
			}
			redacted.add(text);
		}
		return redacted;
	}

	/**
	 * The redacted form of a structured value (a body, a complex attribute).
	 * @param value the value
	 * @return the redacted value, or {@code null} to drop it
	 */
	@SuppressWarnings("unchecked")
	@Nullable Value<?> value(Value<?> value) {
		switch (value.getType()) {
			case STRING -> {
				String text = (String) value.getValue();
				String redacted = text(text);
				return (redacted != null) ? ((redacted != text) ? Value.of(redacted) : value) : null;
			}
			case ARRAY -> {
				List<Value<?>> redacted = new ArrayList<>();
				for (Value<?> element : (List<Value<?>>) value.getValue()) {
					Value<?> clean = value(element);
					if (clean != null) {
						redacted.add(clean);
					}
				}
				return Value.of(redacted);
			}
			case KEY_VALUE_LIST -> {
				List<KeyValue> redacted = new ArrayList<>();
				for (KeyValue entry : (List<KeyValue>) value.getValue()) {
					Value<?> clean = value(entry.getValue());
					if (clean != null) {
						redacted.add(KeyValue.of(entry.getKey(), clean));
					}
				}
				return Value.of(redacted.toArray(KeyValue[]::new));
			}
			case BYTES -> {
				// Opaque: nothing to redact in, nothing that may pass unread.
				return null;
			}
			default -> {
				return value;
			}
		}
	}

}
