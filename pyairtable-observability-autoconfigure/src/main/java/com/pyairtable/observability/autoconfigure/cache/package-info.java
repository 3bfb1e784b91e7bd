/**
 * Auto-configuration of the cache metrics.
 */
@NullMarked
package com.pyairtable.observability.autoconfigure.cache;

import org.jspecify.annotations.NullMarked;
