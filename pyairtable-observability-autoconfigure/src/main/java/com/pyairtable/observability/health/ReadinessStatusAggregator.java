package com.pyairtable.observability.health;

import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.boot.health.actuate.endpoint.StatusAggregator;
import org.springframework.boot.health.contributor.Status;

/**
 * Aggregates the readiness group: a member whose state is UNKNOWN (a critical dependency
 * not checked yet) counts as OUT_OF_SERVICE, so that the service takes no traffic before
 * its critical dependencies have been seen up; otherwise the application's order applies.
 */
public final class ReadinessStatusAggregator implements StatusAggregator {

	private final StatusAggregator delegate;

	/**
	 * Create the aggregator.
	 * @param delegate the application's aggregator
	 */
	public ReadinessStatusAggregator(StatusAggregator delegate) {
		this.delegate = delegate;
	}

	@Override
	public Status getAggregateStatus(Set<Status> statuses) {
		return this.delegate.getAggregateStatus(statuses.stream()
			.map((status) -> Status.UNKNOWN.equals(status) ? Status.OUT_OF_SERVICE : status)
			.collect(Collectors.toSet()));
	}

}
