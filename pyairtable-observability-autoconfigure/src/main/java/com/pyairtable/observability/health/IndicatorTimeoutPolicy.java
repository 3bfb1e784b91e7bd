package com.pyairtable.observability.health;

import java.time.Duration;

/**
 * The time bound of each health indicator, by contributor name ({@code db},
 * {@code dependencies/airtable}).
 */
public interface IndicatorTimeoutPolicy {

	/**
	 * How long the indicator may take before it is reported failed.
	 * @param name the contributor name, with its parents separated by {@code /}
	 * @return the timeout
	 */
	Duration timeout(String name);

	/**
	 * Whether a timed-out indicator is reported DOWN (true) or DEGRADED (false).
	 * @param name the contributor name, with its parents separated by {@code /}
	 * @return whether the indicator is critical
	 */
	boolean critical(String name);

}
