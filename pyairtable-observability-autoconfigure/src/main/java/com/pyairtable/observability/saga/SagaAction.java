package com.pyairtable.observability.saga;

/**
 * The work of a step, or of its compensation.
 */
@FunctionalInterface
public interface SagaAction {

	/**
	 * Does the work.
	 * @throws Exception when the work fails
	 */
	void run() throws Exception;

}
