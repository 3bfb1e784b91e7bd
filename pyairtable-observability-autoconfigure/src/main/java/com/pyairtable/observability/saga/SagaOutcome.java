package com.pyairtable.observability.saga;

import java.util.Locale;

/**
 * How a saga ended.
 */
public enum SagaOutcome {

	/** Every step succeeded. */
	COMPLETED,
	/** A step failed and every compensation of the steps before it succeeded. */
	COMPENSATED,
	/** A step failed and a compensation failed too: the saga left work undone. */
	FAILED;

	private final String tagValue = name().toLowerCase(Locale.ROOT);

	/**
	 * The value of the {@code outcome} tag.
	 * @return the lower-case name
	 */
	public String tagValue() {
		return this.tagValue;
	}

}
