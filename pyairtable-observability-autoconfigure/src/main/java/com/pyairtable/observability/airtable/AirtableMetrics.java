package com.pyairtable.observability.airtable;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.pyairtable.observability.cardinality.BoundedTag;
import com.pyairtable.observability.cardinality.CardinalityGuard;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter.MeterProvider;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Records Airtable API calls and Airtable-response cache lookups. The HTTP client
 * interceptors call {@link #recordCall}; applications call {@link #recordCacheHit} and
 * {@link #recordCacheMiss}. Nothing here throws.
 */
public class AirtableMetrics implements MeterBinder {

	private static final Log logger = LogFactory.getLog(AirtableMetrics.class);

	private static final String[] STATUS_VALUES = new String[600];

	static {
		for (int i = 100; i < STATUS_VALUES.length; i++) {
			STATUS_VALUES[i] = String.valueOf(i);
		}
	}

	private final @Nullable AirtableCallBudget budget;

	private final long monthlyQuota;

	private final BoundedTag requestBase;

	private final BoundedTag requestTable;

	private final BoundedTag durationBase;

	private final BoundedTag rateLimitBase;

	private final BoundedTag cacheOperation;

	private volatile @Nullable Meters meters;

	/** The last 429s, for health: a run of them makes the service DEGRADED. */
	private final RecentEvents rateLimitHits = new RecentEvents(64, System::nanoTime);

	/**
	 * Creates the metrics.
	 * @param guard the cardinality guard
	 * @param budget the client-side budget, if enabled
	 * @param monthlyQuota the configured monthly quota, 0 for none
	 */
	public AirtableMetrics(CardinalityGuard guard, @Nullable AirtableCallBudget budget, long monthlyQuota) {
		this.budget = budget;
		this.monthlyQuota = monthlyQuota;
		this.requestBase = guard.tag(AirtableMetricNames.REQUESTS, AirtableMetricNames.BASE_TAG);
		this.requestTable = guard.tag(AirtableMetricNames.REQUESTS, AirtableMetricNames.TABLE_TAG);
		this.durationBase = guard.tag(AirtableMetricNames.DURATION, AirtableMetricNames.BASE_TAG);
		this.rateLimitBase = guard.tag(AirtableMetricNames.RATE_LIMIT_HITS, AirtableMetricNames.BASE_TAG);
		this.cacheOperation = guard.tag(AirtableMetricNames.CACHE_OPERATIONS, AirtableMetricNames.OPERATION_TAG);
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		this.meters = new Meters(registry);
		Gauge.builder(AirtableMetricNames.REQUEST_QUEUE_SIZE, this, AirtableMetrics::queueSize)
			.description("Airtable calls waiting for the client-side rate-limit budget")
			.register(registry);
		if (this.monthlyQuota > 0) {
			Gauge.builder(AirtableMetricNames.MONTHLY_QUOTA, this, (metrics) -> metrics.monthlyQuota)
				.description("Configured monthly Airtable API call quota of the plan")
				.register(registry);
		}
	}

	/**
	 * How many HTTP 429 answers Airtable gave within the window (at most 64 are kept).
	 * @param window how far back to look
	 * @return the number of 429s within the window
	 */
	public int rateLimitHitsWithin(Duration window) {
		return this.rateLimitHits.within(window);
	}

	/**
	 * Waits for the client-side budget of the call's base, when one is enabled.
	 * @param request the call
	 */
	public void awaitBudget(AirtableRequest request) {
		AirtableCallBudget budget = this.budget;
		if (budget != null && !AirtableMetricNames.NONE.equals(request.base())) {
			try {
				budget.acquire(request.base());
			}
			catch (RuntimeException ex) {
				logger.debug("Airtable budget failed", ex);
			}
		}
	}

	/**
	 * Records one Airtable API call.
	 * @param request the call
	 * @param status the HTTP status code, or a negative number when no response came
	 * @param durationNanos how long the call took
	 */
	public void recordCall(AirtableRequest request, int status, long durationNanos) {
		Meters meters = this.meters;
		if (meters == null) {
			return;
		}
		try {
			String operation = request.operation().tagValue();
			String statusValue = (status >= 100 && status < STATUS_VALUES.length) ? STATUS_VALUES[status]
					: AirtableMetricNames.IO_ERROR;
			meters.requests
				.withTags(AirtableMetricNames.BASE_TAG, this.requestBase.value(request.base()),
						AirtableMetricNames.TABLE_TAG, this.requestTable.value(request.table()),
						AirtableMetricNames.OPERATION_TAG, operation, AirtableMetricNames.STATUS_TAG, statusValue)
				.increment();
			meters.duration
				.withTags(AirtableMetricNames.BASE_TAG, this.durationBase.value(request.base()),
						AirtableMetricNames.OPERATION_TAG, operation)
				.record(durationNanos, TimeUnit.NANOSECONDS);
			if (status == 429) {
				this.rateLimitHits.record();
				meters.rateLimitHits.withTags(AirtableMetricNames.BASE_TAG, this.rateLimitBase.value(request.base()))
					.increment();
			}
		}
		catch (RuntimeException ex) {
			logger.debug("Could not record an Airtable call", ex);
		}
	}

	/**
	 * Records one Airtable API call.
	 * @param request the call
	 * @param status the HTTP status code, or a negative number when no response came
	 * @param duration how long the call took
	 */
	public void recordCall(AirtableRequest request, int status, Duration duration) {
		recordCall(request, status, duration.toNanos());
	}

	/**
	 * Records a lookup of an Airtable response in the application's cache that found it.
	 * @param operation what was looked up, such as {@code list} or {@code get}
	 */
	public void recordCacheHit(String operation) {
		recordCacheOperation(operation, true);
	}

	/**
	 * Records a lookup of an Airtable response in the application's cache that missed.
	 * @param operation what was looked up, such as {@code list} or {@code get}
	 */
	public void recordCacheMiss(String operation) {
		recordCacheOperation(operation, false);
	}

	/**
	 * Records a lookup of an Airtable response in the application's cache.
	 * @param operation what was looked up, such as {@code list} or {@code get}
	 * @param hit whether the cache held the response
	 */
	public void recordCacheOperation(String operation, boolean hit) {
		Meters meters = this.meters;
		if (meters == null) {
			return;
		}
		try {
			meters.cacheOperations
				.withTags(AirtableMetricNames.OPERATION_TAG, this.cacheOperation.value(operation),
						AirtableMetricNames.RESULT_TAG, hit ? "hit" : "miss")
				.increment();
		}
		catch (RuntimeException ex) {
			logger.debug("Could not record an Airtable cache operation", ex);
		}
	}

	private double queueSize() {
		AirtableCallBudget budget = this.budget;
		return (budget != null) ? budget.queueSize() : 0;
	}

	private static final class Meters {

		private final MeterProvider<Counter> requests;

		private final MeterProvider<Timer> duration;

		private final MeterProvider<Counter> rateLimitHits;

		private final MeterProvider<Counter> cacheOperations;

		Meters(MeterRegistry registry) {
			this.requests = Counter.builder(AirtableMetricNames.REQUESTS)
				.description("Airtable API calls")
				.withRegistry(registry);
			this.duration = Timer.builder(AirtableMetricNames.DURATION)
				.description("Duration of Airtable API calls")
				.publishPercentileHistogram()
				.minimumExpectedValue(Duration.ofMillis(5))
				.maximumExpectedValue(Duration.ofSeconds(30))
				.withRegistry(registry);
			this.rateLimitHits = Counter.builder(AirtableMetricNames.RATE_LIMIT_HITS)
				.description("Airtable API calls answered with HTTP 429")
				.withRegistry(registry);
			this.cacheOperations = Counter.builder(AirtableMetricNames.CACHE_OPERATIONS)
				.description("Lookups of Airtable responses in the application's cache")
				.withRegistry(registry);
		}

	}

}
