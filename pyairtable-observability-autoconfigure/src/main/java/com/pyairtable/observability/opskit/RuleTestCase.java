package com.pyairtable.observability.opskit;

import java.time.Duration;
import java.util.Map;

/**
 * The promtool unit-test inputs of one alert: series that fire it, series just on the
 * silent side of its threshold, and the labels the fired alert carries.
 *
 * @param interval the interval between input samples
 * @param evalTime the time at which the alert is checked
 * @param firing input series (selector to promtool values) that must fire the alert
 * @param silent input series that must leave it silent
 * @param labels the labels of the fired alert, besides {@code severity}
 */
public record RuleTestCase(Duration interval, Duration evalTime, Map<String, String> firing, Map<String, String> silent,
		Map<String, String> labels) {

	/**
	 * Builds the test inputs of an alert for its configured threshold and duration.
	 */
	@FunctionalInterface
	public interface Factory {

		/**
		 * Creates the test case.
		 * @param threshold the configured threshold
		 * @param forDuration the configured {@code for:} duration
		 * @return the test case
		 */
		RuleTestCase create(double threshold, Duration forDuration);

	}

}
