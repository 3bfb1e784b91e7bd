package com.pyairtable.observability.autoconfigure.tracing;

/**
 * OTLP protocol of the span export, spelled as {@code OTEL_EXPORTER_OTLP_PROTOCOL} spells
 * it.
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

	@Override
	public String toString() {
		// Listed this way by the failure analysis of a wrong value.
		return this.value;
	}

}
