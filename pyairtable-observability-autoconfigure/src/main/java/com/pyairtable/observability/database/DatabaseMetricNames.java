package com.pyairtable.observability.database;

/**
 * Meter, tag and span attribute names of the database query metrics.
 */
public final class DatabaseMetricNames {

	/** Timer {@code database_query_duration_seconds{operation}}, a histogram. */
	public static final String QUERY_DURATION = "database.query.duration";

	/** Counter {@code database_operations_total{operation,status}}. */
	public static final String OPERATIONS = "database.operations";

	/** Counter {@code database_errors_total{error}}. */
	public static final String ERRORS = "database.errors";

	/**
	 * Tag: the statement's operation, such as {@code select} (see {@link SqlStatement}).
	 */
	public static final String OPERATION_TAG = "operation";

	/** Tag: {@code success} or {@code error}. */
	public static final String STATUS_TAG = "status";

	/** Tag: the kind of failure (see {@link DatabaseErrors}). */
	public static final String ERROR_TAG = "error";

	/** Status of a statement that completed. */
	public static final String SUCCESS = "success";

	/** Status of a statement that threw. */
	public static final String FAILURE = "error";

	/**
	 * Span attribute: the statement's operation (OpenTelemetry's database conventions).
	 */
	public static final String SPAN_OPERATION = "db.operation.name";

	/** Span attribute: the first table the statement names. */
	public static final String SPAN_TABLE = "db.collection.name";

	/** Span attribute: the SQL text with its placeholders, only when asked for. */
	public static final String SPAN_QUERY_TEXT = "db.query.text";

	/** Span attribute: the name of the {@code DataSource} bean. */
	public static final String SPAN_DATASOURCE = "jdbc.datasource.name";

	private DatabaseMetricNames() {
	}

}
