package com.pyairtable.observability.autoconfigure.tracing;

import java.util.Locale;

/**
 * OTLP protocol of the span export, spelled as {@code OTEL_EXPORTER_OTLP_PROTOCOL} spells it.
 */
public enum OtlpProtocol {

	/** Protobuf over HTTP ({@code http/protobuf}), to port 4318. */
	HTTP_PROTOBUF("http/protobuf"),

	/** gRPC ({@code grpc}), to port 4317. */
	GRPC("grpc");

	private final String value;

	OtlpProtocol(String value) {
		this.value = value;
	}

	/**
	 * The protocol a property value names, in any case.
	 * @param value the value, such as {@code http/protobuf}
	 * @return the protocol
	 * @throws IllegalArgumentException when the value names none
	 */
	static OtlpProtocol of(String value) {
		String normalized = value.trim().toLowerCase(Locale.ROOT);
		for (OtlpProtocol protocol : values()) {
			if (protocol.value.equals(normalized) || protocol.name().equalsIgnoreCase(normalized)) {
				return protocol;
			}
		}
		throw new IllegalArgumentException("must be http/protobuf or grpc");
	}

	@Override
	public String toString() {
		// Listed this way by the failure analysis of a wrong value.
		return this.value;
	}

}
