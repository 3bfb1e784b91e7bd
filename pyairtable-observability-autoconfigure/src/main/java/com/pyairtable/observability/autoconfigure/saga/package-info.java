/**
 * Auto-configuration of the saga metrics.
 */
@NullMarked
package com.pyairtable.observability.autoconfigure.saga;

import org.jspecify.annotations.NullMarked;
