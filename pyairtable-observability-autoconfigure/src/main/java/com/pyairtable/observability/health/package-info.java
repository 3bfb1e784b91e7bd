/**
 * Health at runtime: background dependency checks, the DEGRADED status, time-bounded
 * health indicators, the readiness group and health as metrics.
 */
@NullMarked
package com.pyairtable.observability.health;

import org.jspecify.annotations.NullMarked;
