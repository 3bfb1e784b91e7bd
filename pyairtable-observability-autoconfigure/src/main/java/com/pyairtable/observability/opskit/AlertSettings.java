package com.pyairtable.observability.opskit;

import java.time.Duration;

/**
 * The tunable part of one alert: whether it is generated, its threshold, how long the
 * condition must hold, its severity and its runbook.
 *
 * @param enabled whether the alert is generated
 * @param threshold the threshold, in the unit of the alert's expression (a ratio,
 * seconds, USD or a count)
 * @param forDuration how long the condition must hold before the alert fires
 * @param severity {@code critical}, {@code warning} or {@code info}
 * @param runbookUrl the runbook's address
 */
public record AlertSettings(boolean enabled, double threshold, Duration forDuration, String severity,
		String runbookUrl) {

}
