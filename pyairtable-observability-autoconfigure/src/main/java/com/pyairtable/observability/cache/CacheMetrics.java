package com.pyairtable.observability.cache;

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
 * Records cache operations of every {@link InstrumentedCache}. Nothing here throws.
 */
public class CacheMetrics implements MeterBinder {

	private static final Log logger = LogFactory.getLog(CacheMetrics.class);

	private final BoundedTag operationsCache;

	private final BoundedTag durationCache;

	private volatile @Nullable MeterProvider<Counter> operations;

	private volatile @Nullable MeterProvider<Timer> duration;

	/**
	 * Creates the metrics.
	 * @param guard the cardinality guard
	 */
	public CacheMetrics(CardinalityGuard guard) {
		this.operationsCache = guard.tag(CacheMetricNames.OPERATIONS, CacheMetricNames.CACHE_TAG);
		this.durationCache = guard.tag(CacheMetricNames.OPERATION_DURATION, CacheMetricNames.CACHE_TAG);
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		this.operations = Counter.builder(CacheMetricNames.OPERATIONS)
			.description("Cache operations, with hit or miss on lookups")
			.withRegistry(registry);
		this.duration = Timer.builder(CacheMetricNames.OPERATION_DURATION)
			.description("Duration of cache operations")
			.publishPercentileHistogram()
			.minimumExpectedValue(Duration.ofNanos(1000))
			.maximumExpectedValue(Duration.ofSeconds(1))
			.withRegistry(registry);
	}

	/**
	 * Records one operation.
	 * @param cache the cache name
	 * @param operation {@code get}, {@code put}, {@code evict} or {@code clear}
	 * @param result {@code hit}, {@code miss} or {@code none}
	 * @param durationNanos how long it took
	 */
	public void record(String cache, String operation, String result, long durationNanos) {
		try {
			MeterProvider<Counter> operations = this.operations;
			MeterProvider<Timer> duration = this.duration;
			if (operations == null || duration == null) {
				return;
			}
			operations
				.withTags(CacheMetricNames.CACHE_TAG, this.operationsCache.value(cache), CacheMetricNames.OPERATION_TAG,
						operation, CacheMetricNames.RESULT_TAG, result)
				.increment();
			duration
				.withTags(CacheMetricNames.CACHE_TAG, this.durationCache.value(cache), CacheMetricNames.OPERATION_TAG,
						operation)
				.record(durationNanos, TimeUnit.NANOSECONDS);
		}
		catch (RuntimeException ex) {
			logger.debug("Could not record a cache operation", ex);
		}
	}

}
