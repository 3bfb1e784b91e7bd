package com.pyairtable.observability.autoconfigure.tracing;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import com.pyairtable.observability.autoconfigure.core.PropertyValues;
import org.jspecify.annotations.Nullable;

import org.springframework.core.convert.ConversionFailedException;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.GenericConverter;

/**
 * Binds an enum of the export settings from the spelling the OpenTelemetry variables use
 * (its {@code toString()}, such as {@code http/protobuf}) or its name, in any case, and
 * names the key and the allowed values when the value is none of them.
 */
final class ExportEnumConverter implements GenericConverter {

	private final Class<? extends Enum<?>> type;

	private final String key;

	ExportEnumConverter(Class<? extends Enum<?>> type, String key) {
		this.type = type;
		this.key = key;
	}

	@Override
	public Set<ConvertiblePair> getConvertibleTypes() {
		return Set.of(new ConvertiblePair(String.class, this.type));
	}

	@Override
	public @Nullable Object convert(@Nullable Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
		if (source == null) {
			return null;
		}
		String value = source.toString().trim();
		Enum<?>[] constants = this.type.getEnumConstants();
		for (Enum<?> constant : constants) {
			if (constant.toString().equalsIgnoreCase(value) || constant.name().equalsIgnoreCase(value)) {
				return constant;
			}
		}
		String quoted = PropertyValues.forMessage(source);
		String allowed = Arrays.stream(constants).map(Object::toString).collect(Collectors.joining(" or "));
		// Thrown as is by the conversion service, which would otherwise quote the raw
		// value.
		throw new ConversionFailedException(sourceType, targetType, quoted,
				new IllegalArgumentException(this.key + " was '" + quoted + "' but must be " + allowed));
	}

}
