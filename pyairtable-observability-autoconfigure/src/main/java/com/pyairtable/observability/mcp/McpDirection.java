package com.pyairtable.observability.mcp;

import java.util.Locale;

/**
 * Which way a protocol message went.
 */
public enum McpDirection {

	/** Received by the server. */
	INBOUND,
	/** Sent by the server. */
	OUTBOUND;

	private final String tagValue = name().toLowerCase(Locale.ROOT);

	/**
	 * The value of the {@code direction} tag.
	 * @return the lower-case name
	 */
	public String tagValue() {
		return this.tagValue;
	}

}
