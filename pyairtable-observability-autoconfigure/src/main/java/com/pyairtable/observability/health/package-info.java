/**
 * Health at runtime: background dependency checks, the DEGRADED status, time-bounded
 * health indicators, the readiness group and health as metrics. Other features contribute
 * their checks as {@link com.pyairtable.observability.health.StateHealthCheck}s; this
 * package knows none of them.
 */
@NullMarked
package com.pyairtable.observability.health;

import org.jspecify.annotations.NullMarked;
