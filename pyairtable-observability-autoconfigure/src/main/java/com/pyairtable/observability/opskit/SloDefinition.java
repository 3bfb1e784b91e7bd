package com.pyairtable.observability.opskit;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * A service level objective on the HTTP server requests of selected routes.
 *
 * @param name the SLO's name, used as the {@code slo} label
 * @param objective the objective in percent, such as {@code 99.9}
 * @param window the compliance window, such as 30 days
 * @param indicator what counts as a good request
 * @param routes a regular expression on the {@code uri} label selecting the requests
 * @param latencyThreshold for a latency indicator, the bound under which a request is
 * good; one of the histogram's buckets
 */
public record SloDefinition(String name, double objective, Duration window, Indicator indicator, String routes,
		@Nullable Duration latencyThreshold) {

	/**
	 * The error budget as a ratio: {@code 1 - objective / 100}.
	 * @return the allowed error ratio
	 */
	public double errorBudget() {
		return Math.round((100 - this.objective) * 1e9) / 1e11;
	}

	/**
	 * What a good request is.
	 */
	public enum Indicator {

		/** A request answered without a 5xx status. */
		AVAILABILITY,

		/** A request answered within the latency threshold. */
		LATENCY

	}

}
