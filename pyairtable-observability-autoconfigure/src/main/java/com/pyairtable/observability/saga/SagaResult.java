package com.pyairtable.observability.saga;

import org.jspecify.annotations.Nullable;

/**
 * The end of a saga.
 *
 * @param id the execution id
 * @param name the saga name
 * @param outcome how it ended
 * @param failedStep the step that failed, if any
 * @param failure why it failed, if it did
 */
public record SagaResult(String id, String name, SagaOutcome outcome, @Nullable String failedStep,
		@Nullable Throwable failure) {

	/**
	 * Whether every step succeeded.
	 * @return {@code true} when the outcome is {@link SagaOutcome#COMPLETED}
	 */
	public boolean isCompleted() {
		return this.outcome == SagaOutcome.COMPLETED;
	}

}
