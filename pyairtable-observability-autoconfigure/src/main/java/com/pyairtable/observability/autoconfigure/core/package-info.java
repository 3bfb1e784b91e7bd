/**
 * Wiring of the starter's core: properties, defaults, identity and compatibility paths.
 */
@NullMarked
package com.pyairtable.observability.autoconfigure.core;

import org.jspecify.annotations.NullMarked;
