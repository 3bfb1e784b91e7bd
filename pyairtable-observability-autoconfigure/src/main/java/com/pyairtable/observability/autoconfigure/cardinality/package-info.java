/**
 * Auto-configuration of the cardinality metrics.
 */
@NullMarked
package com.pyairtable.observability.autoconfigure.cardinality;

import org.jspecify.annotations.NullMarked;
