package com.pyairtable.observability.airtable;

/**
 * Meter and tag names of the Airtable metrics; the names operators query, listed in
 * {@code docs/reference/metrics.md}.
 */
public final class AirtableMetricNames {

	/** Counter {@code airtable_api_requests_total{base,table,operation,status}}. */
	public static final String REQUESTS = "airtable.api.requests";

	/** Timer {@code airtable_api_duration_seconds{base,operation}}. */
	public static final String DURATION = "airtable.api.duration";

	/** Counter {@code airtable_rate_limit_hits_total{base}} (HTTP 429). */
	public static final String RATE_LIMIT_HITS = "airtable.rate.limit.hits";

	/** Gauge {@code airtable_rate_limit_remaining{base}}: client-side budget left. */
	public static final String RATE_LIMIT_REMAINING = "airtable.rate.limit.remaining";

	/** Gauge {@code airtable_request_queue_size}: calls waiting for the budget. */
	public static final String REQUEST_QUEUE_SIZE = "airtable.request.queue.size";

	/** Gauge {@code airtable_api_monthly_quota}: the configured monthly call quota. */
	public static final String MONTHLY_QUOTA = "airtable.api.monthly.quota";

	/** Counter {@code airtable_cache_operations_total{operation,result}}. */
	public static final String CACHE_OPERATIONS = "airtable.cache.operations";

	/** Tag: the base id. */
	public static final String BASE_TAG = "base";

	/** Tag: the table id or (decoded) name. */
	public static final String TABLE_TAG = "table";

	/** Tag: the {@link AirtableOperation}, or the cached operation. */
	public static final String OPERATION_TAG = "operation";

	/** Tag: the HTTP status code, or {@code IO_ERROR}. */
	public static final String STATUS_TAG = "status";

	/** Tag: {@code hit} or {@code miss}. */
	public static final String RESULT_TAG = "result";

	/** Value of {@code base} or {@code table} when the path has none. */
	public static final String NONE = "none";

	/** Status value of a call that got no response. */
	public static final String IO_ERROR = "IO_ERROR";

	private AirtableMetricNames() {
	}

}
