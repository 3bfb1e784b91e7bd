package com.pyairtable.observability.cache;

/**
 * Meter and tag names of the cache metrics; the names operators query, listed in
 * {@code docs/reference/metrics.md}.
 */
public final class CacheMetricNames {

	/** Counter {@code cache_operations_total{cache,operation,result}}. */
	public static final String OPERATIONS = "cache.operations";

	/** Timer {@code cache_operation_duration_seconds{cache,operation}}. */
	public static final String OPERATION_DURATION = "cache.operation.duration";

	/** Tag: the cache name. */
	public static final String CACHE_TAG = "cache";

	/** Tag: {@code get}, {@code put}, {@code evict} or {@code clear}. */
	public static final String OPERATION_TAG = "operation";

	/** Tag: {@code hit}, {@code miss} or {@code none}. */
	public static final String RESULT_TAG = "result";

	/** Operation: a lookup. */
	public static final String GET = "get";

	/** Operation: a write. */
	public static final String PUT = "put";

	/** Operation: removing one entry. */
	public static final String EVICT = "evict";

	/** Operation: removing every entry. */
	public static final String CLEAR = "clear";

	/** Result: the lookup found a value. */
	public static final String HIT = "hit";

	/** Result: the lookup found nothing. */
	public static final String MISS = "miss";

	/** Result of operations other than lookups. */
	public static final String NONE = "none";

	private CacheMetricNames() {
	}

}
