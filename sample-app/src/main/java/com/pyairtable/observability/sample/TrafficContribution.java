package com.pyairtable.observability.sample;

import org.springframework.web.client.RestClient;

/**
 * Calls that a profile adds to the sample's traffic (Redis visits in the {@code services}
 * profile; a queue can add its own): every contribution runs once per round of the
 * {@link TrafficGenerator}.
 */
@FunctionalInterface
public interface TrafficContribution {

	/**
	 * Makes the calls.
	 * @param self a client of the service's own API
	 */
	void call(RestClient self);

}
