/**
 * Resilience4j metrics and circuit breaker state and transitions.
 */
@NullMarked
package com.pyairtable.observability.resilience;

import org.jspecify.annotations.NullMarked;
