package com.pyairtable.observability.health;

import java.util.List;

import org.springframework.boot.health.contributor.Status;

/**
 * The statuses the starter adds to Spring Boot's, and their order of severity.
 */
public final class HealthStatuses {

	/**
	 * The service works but a non-critical dependency or a resilience mechanism is
	 * failing: answered with HTTP 200, still ready.
	 */
	public static final Status DEGRADED = new Status("DEGRADED");

	/**
	 * Order of severity, most severe first, as set in
	 * {@code management.endpoint.health.status.order}.
	 */
	public static final List<String> ORDER = List.of(Status.DOWN.getCode(), Status.OUT_OF_SERVICE.getCode(),
			DEGRADED.getCode(), Status.UP.getCode(), Status.UNKNOWN.getCode());

	private HealthStatuses() {
	}

	/**
	 * The status of a failure: DOWN when critical, else DEGRADED.
	 * @param critical whether the failing part is critical
	 * @return the status to report
	 */
	public static Status failure(boolean critical) {
		return critical ? Status.DOWN : DEGRADED;
	}

}
