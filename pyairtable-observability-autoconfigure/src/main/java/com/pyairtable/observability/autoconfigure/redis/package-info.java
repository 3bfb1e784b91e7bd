/**
 * Auto-configuration of Lettuce's command latency metrics and the Redis operations
 * counter.
 */
@NullMarked
package com.pyairtable.observability.autoconfigure.redis;

import org.jspecify.annotations.NullMarked;
