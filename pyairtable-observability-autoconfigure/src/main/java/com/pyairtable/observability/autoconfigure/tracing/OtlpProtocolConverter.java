package com.pyairtable.observability.autoconfigure.tracing;

import com.pyairtable.observability.autoconfigure.core.PropertyValues;

import org.springframework.core.convert.ConversionFailedException;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.Converter;

/**
 * Binds {@code pyairtable.observability.tracing.export.protocol} from the spellings of
 * {@code OTEL_EXPORTER_OTLP_PROTOCOL} ({@code http/protobuf}, {@code grpc}), in any case,
 * and names the key and the allowed values when the value is neither.
 */
final class OtlpProtocolConverter implements Converter<String, OtlpProtocol> {

	static final String KEY = ObservabilityTracingProperties.PREFIX + ".export.protocol";

	@Override
	public OtlpProtocol convert(String source) {
		try {
			return OtlpProtocol.of(source);
		}
		catch (IllegalArgumentException ex) {
			String value = PropertyValues.forMessage(source);
			// Thrown as is by the conversion service, which would otherwise quote the raw value.
			throw new ConversionFailedException(TypeDescriptor.valueOf(String.class),
					TypeDescriptor.valueOf(OtlpProtocol.class), value,
					new IllegalArgumentException(KEY + " was '" + value + "' but " + ex.getMessage()));
		}
	}

}
