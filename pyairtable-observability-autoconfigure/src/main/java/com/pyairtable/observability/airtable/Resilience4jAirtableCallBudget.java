package com.pyairtable.observability.airtable;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.pyairtable.observability.cardinality.BoundedTag;
import com.pyairtable.observability.cardinality.CardinalityGuard;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * The client-side Airtable budget as one Resilience4j {@link RateLimiter} per base
 * (Airtable allows 5 requests per second per base). The budget is per instance: a fleet
 * of N instances may send N times the rate. Publishes
 * {@code airtable_rate_limit_remaining{base}}.
 */
public class Resilience4jAirtableCallBudget implements AirtableCallBudget, MeterBinder {

	private static final Log logger = LogFactory.getLog(Resilience4jAirtableCallBudget.class);

	private final RateLimiterRegistry rateLimiters;

	private final BoundedTag base;

	private final AtomicInteger waiting = new AtomicInteger();

	private final List<MeterRegistry> registries = new CopyOnWriteArrayList<>();

	/**
	 * Creates a budget.
	 * @param guard the cardinality guard, bounding the number of bases
	 * @param limitForPeriod calls allowed per base per period
	 * @param period the refresh period
	 * @param timeout the longest a call waits for a permit before it goes ahead anyway
	 */
	public Resilience4jAirtableCallBudget(CardinalityGuard guard, int limitForPeriod, Duration period,
			Duration timeout) {
		this.base = guard.tag(AirtableMetricNames.RATE_LIMIT_REMAINING, AirtableMetricNames.BASE_TAG);
		this.rateLimiters = RateLimiterRegistry.of(RateLimiterConfig.custom()
			.limitForPeriod(limitForPeriod)
			.limitRefreshPeriod(period)
			.timeoutDuration(timeout)
			.build());
		this.rateLimiters.getEventPublisher().onEntryAdded((event) -> register(event.getAddedEntry()));
	}

	@Override
	public boolean acquire(String base) {
		this.waiting.incrementAndGet();
		try {
			boolean permitted = this.rateLimiters.rateLimiter(this.base.value(base)).acquirePermission();
			if (!permitted) {
				logger.debug("Airtable budget exhausted; the call goes ahead without a permit");
			}
			return permitted;
		}
		catch (RuntimeException ex) {
			logger.debug("Airtable budget failed; the call goes ahead", ex);
			return false;
		}
		finally {
			this.waiting.decrementAndGet();
		}
	}

	@Override
	public int queueSize() {
		return this.waiting.get();
	}

	/**
	 * The rate limiters, one per base.
	 * @return the registry
	 */
	public RateLimiterRegistry getRateLimiters() {
		return this.rateLimiters;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		this.registries.add(registry);
		this.rateLimiters.getAllRateLimiters().forEach((rateLimiter) -> register(rateLimiter, registry));
	}

	private void register(RateLimiter rateLimiter) {
		this.registries.forEach((registry) -> register(rateLimiter, registry));
	}

	private void register(RateLimiter rateLimiter, MeterRegistry registry) {
		try {
			Gauge
				.builder(AirtableMetricNames.RATE_LIMIT_REMAINING, rateLimiter,
						(limiter) -> Math.max(0, limiter.getMetrics().getAvailablePermissions()))
				.description("Calls left in the client-side Airtable budget of the base for the current period")
				.tag(AirtableMetricNames.BASE_TAG, rateLimiter.getName())
				.register(registry);
		}
		catch (RuntimeException ex) {
			logger.debug("Could not register the Airtable budget gauge", ex);
		}
	}

}
