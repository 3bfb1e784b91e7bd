package com.pyairtable.observability.airtable;

/**
 * A client-side budget of Airtable calls per base, waited for before each call.
 */
public interface AirtableCallBudget {

	/**
	 * Waits, up to the budget's timeout, for a permit to call the given base. Never
	 * throws: a call that could not get a permit in time goes ahead anyway.
	 * @param base the base id
	 * @return whether a permit was granted in time
	 */
	boolean acquire(String base);

	/**
	 * The number of calls currently waiting for a permit.
	 * @return the queue size
	 */
	int queueSize();

}
