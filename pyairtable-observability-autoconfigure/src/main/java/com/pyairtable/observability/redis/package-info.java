/**
 * Redis: {@code redis_operations_total} from Lettuce's own command observations.
 */
@NullMarked
package com.pyairtable.observability.redis;

import org.jspecify.annotations.NullMarked;
