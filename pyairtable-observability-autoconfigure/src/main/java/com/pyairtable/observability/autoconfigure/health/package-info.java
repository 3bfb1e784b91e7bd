/**
 * Wiring of health: dependency checks from YAML, time-bounded indicators, the readiness
 * group and health metrics.
 */
@NullMarked
package com.pyairtable.observability.autoconfigure.health;

import org.jspecify.annotations.NullMarked;
