/**
 * Cache operation metrics for every Spring CacheManager.
 */
@NullMarked
package com.pyairtable.observability.cache;

import org.jspecify.annotations.NullMarked;
