/**
 * Auto-configuration of the resilience metrics.
 */
@NullMarked
package com.pyairtable.observability.autoconfigure.resilience;

import org.jspecify.annotations.NullMarked;
