/**
 * Wiring of the starter's core: properties, conditions, environment defaults, failure
 * analysis and the service identity.
 */
@NullMarked
package com.pyairtable.observability.autoconfigure.core;

import org.jspecify.annotations.NullMarked;
