package com.pyairtable.observability.database;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.pyairtable.observability.cardinality.BoundedTag;
import com.pyairtable.observability.cardinality.CardinalityGuard;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter.MeterProvider;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Records {@code database_query_duration_seconds{operation}},
 * {@code database_operations_total{operation,status}} and
 * {@code database_errors_total{error}}. Operations and errors are bounded by construction
 * and, once more, by the cardinality guard. Never throws.
 */
public class DatabaseMetrics implements MeterBinder {

	/** Bucket boundaries: the alert thresholds (0.5 s and 2.5 s) are bucket edges. */
	private static final Duration[] BUCKETS = { Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofMillis(10),
			Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
			Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5),
			Duration.ofSeconds(10) };

	private static final Log logger = LogFactory.getLog(DatabaseMetrics.class);

	private final BoundedTag durationOperation;

	private final BoundedTag operationsOperation;

	private final BoundedTag errorsError;

	private volatile @Nullable Meters meters;

	/**
	 * Creates the metrics.
	 * @param guard the cardinality guard
	 */
	public DatabaseMetrics(CardinalityGuard guard) {
		this.durationOperation = guard.tag(DatabaseMetricNames.QUERY_DURATION, DatabaseMetricNames.OPERATION_TAG);
		this.operationsOperation = guard.tag(DatabaseMetricNames.OPERATIONS, DatabaseMetricNames.OPERATION_TAG);
		this.errorsError = guard.tag(DatabaseMetricNames.ERRORS, DatabaseMetricNames.ERROR_TAG);
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Meters meters = new Meters(registry);
		// At zero from the start, so that a first failure shows as an increase.
		meters.errors.withTags(DatabaseMetricNames.ERROR_TAG, DatabaseErrors.CONNECTION);
		this.meters = meters;
	}

	/**
	 * Records one executed statement (or batch).
	 * @param operation the statement's operation, one of {@link SqlStatement#OPERATIONS}
	 * @param durationNanos how long it ran
	 * @param error what it threw, or {@code null}
	 */
	public void recordQuery(String operation, long durationNanos, @Nullable Throwable error) {
		Meters meters = this.meters;
		if (meters == null) {
			return;
		}
		try {
			meters.duration.withTags(DatabaseMetricNames.OPERATION_TAG, this.durationOperation.value(operation))
				.record(durationNanos, TimeUnit.NANOSECONDS);
			meters.operations
				.withTags(DatabaseMetricNames.OPERATION_TAG, this.operationsOperation.value(operation),
						DatabaseMetricNames.STATUS_TAG,
						(error != null) ? DatabaseMetricNames.FAILURE : DatabaseMetricNames.SUCCESS)
				.increment();
			if (error != null) {
				recordError(error);
			}
		}
		catch (RuntimeException ex) {
			logger.debug("Could not record a database query", ex);
		}
	}

	/**
	 * Counts one failure, classified by {@link DatabaseErrors}.
	 * @param error what the driver or the pool threw
	 */
	public void recordError(Throwable error) {
		Meters meters = this.meters;
		if (meters == null) {
			return;
		}
		try {
			meters.errors
				.withTags(DatabaseMetricNames.ERROR_TAG, this.errorsError.value(DatabaseErrors.classify(error)))
				.increment();
		}
		catch (RuntimeException ex) {
			logger.debug("Could not record a database error", ex);
		}
	}

	private static final class Meters {

		final MeterProvider<Timer> duration;

		final MeterProvider<Counter> operations;

		final MeterProvider<Counter> errors;

		Meters(MeterRegistry registry) {
			this.duration = Timer.builder(DatabaseMetricNames.QUERY_DURATION)
				.description("Duration of JDBC statements")
				.serviceLevelObjectives(BUCKETS)
				.withRegistry(registry);
			this.operations = Counter.builder(DatabaseMetricNames.OPERATIONS)
				.description("JDBC statements executed")
				.withRegistry(registry);
			this.errors = Counter.builder(DatabaseMetricNames.ERRORS)
				.description("JDBC failures, statements and connections")
				.withRegistry(registry);
		}

	}

}
