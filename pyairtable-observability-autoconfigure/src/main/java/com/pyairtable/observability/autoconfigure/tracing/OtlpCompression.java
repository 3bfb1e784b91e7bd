package com.pyairtable.observability.autoconfigure.tracing;

import java.util.Locale;

/**
 * Payload compression of the span export.
 */
public enum OtlpCompression {

	/** No compression. */
	NONE,

	/** Gzip compression. */
	GZIP;

	/**
	 * The name the OpenTelemetry exporter builders take.
	 * @return {@code none} or {@code gzip}
	 */
	String exporterName() {
		return name().toLowerCase(Locale.ROOT);
	}

	@Override
	public String toString() {
		return exporterName();
	}

}
