package com.pyairtable.observability.saga;

import java.util.Locale;

/**
 * How a step (or its compensation) ended.
 */
public enum SagaStepOutcome {

	/** The step succeeded. */
	SUCCESS,
	/** The step, or its compensation, failed. */
	FAILURE,
	/** The step was undone by its compensation. */
	COMPENSATED;

	private final String tagValue = name().toLowerCase(Locale.ROOT);

	/**
	 * The value of the {@code outcome} tag.
	 * @return the lower-case name
	 */
	public String tagValue() {
		return this.tagValue;
	}

}
