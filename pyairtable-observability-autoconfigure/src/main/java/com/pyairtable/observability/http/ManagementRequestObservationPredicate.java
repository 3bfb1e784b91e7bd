package com.pyairtable.observability.http;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationPredicate;

import org.springframework.http.server.observation.ServerRequestObservationContext;

/**
 * Keeps actuator and probe requests out of {@code http.server.requests} and out of
 * traces: a scrape every few seconds and a probe every second would otherwise dominate
 * both.
 */
public class ManagementRequestObservationPredicate implements ObservationPredicate {

	private final ManagementRequests managementRequests;

	/**
	 * Creates a predicate over the given matcher.
	 * @param managementRequests tells management requests apart
	 */
	public ManagementRequestObservationPredicate(ManagementRequests managementRequests) {
		this.managementRequests = managementRequests;
	}

	@Override
	public boolean test(String name, Observation.Context context) {
		if (context instanceof ServerRequestObservationContext serverContext) {
			return !this.managementRequests.matches(serverContext.getCarrier());
		}
		return true;
	}

}
