package com.pyairtable.observability.cardinality;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;

import com.pyairtable.observability.logging.SecretRedactor;
import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Keeps the business binders' tag values bounded and free of secrets.
 * <ul>
 * <li>A new value is first checked by the {@link SecretRedactor}, on the whole raw value:
 * one that looks like a secret is recorded as {@code redacted} and counted in
 * {@code observability_tag_redacted_total{metric,tag}}.</li>
 * <li>At most {@code maxTagValues} distinct values per tag per metric, and at most
 * {@code maxSeriesPerMetric} series per metric name as a Prometheus scrape writes them
 * (each histogram bucket is a series); a value beyond either folds into {@code other},
 * each fold counts {@code observability_tag_overflow_total{metric,tag}} and the first
 * fold of a metric logs one warning.</li>
 * <li>When a tag needs room (at its cap, or a value of its metric was folded), a value
 * unused for {@code tagValueTtl} is released and its meters removed, so that a burst of
 * values cannot lock later ones out for the life of the process.</li>
 * <li>A tag with allowed values takes only those; any other value is {@code other},
 * outside the cap and the budget.</li>
 * </ul>
 * Values are trimmed, stripped of control characters and cut at {@code maxValueLength}.
 * Binders ask once for a {@link BoundedTag} per metric and tag and call
 * {@link BoundedTag#value(String)} on every recording; a value already seen costs one
 * {@link ConcurrentHashMap} lookup and no allocation.
 */
public class CardinalityGuard implements MeterBinder {

	/** The default series budget of a metric name. */
	public static final int DEFAULT_MAX_SERIES_PER_METRIC = 2_000;

	/** The default time after which an unused value is released. */
	public static final Duration DEFAULT_TAG_VALUE_TTL = Duration.ofMinutes(10);

	private static final Log logger = LogFactory.getLog(CardinalityGuard.class);

	private final int maxTagValues;

	private final int maxValueLength;

	private final int maxSeriesPerMetric;

	private final Duration tagValueTtl;

	private final long ttlNanos;

	/**
	 * How often a value's last use is written, and how often idle values are looked for.
	 */
	private final long intervalNanos;

	private final Map<String, Set<String>> allowedValues;

	/** The redactor's {@code redact}: the same instance back when nothing was found. */
	private final UnaryOperator<@Nullable String> redaction;

	private final Clock clock;

	private final List<MeterRegistry> registries = new CopyOnWriteArrayList<>();

	private final ConcurrentHashMap<String, BoundedTag> tags = new ConcurrentHashMap<>();

	private final ConcurrentHashMap<String, SeriesBudget> budgets = new ConcurrentHashMap<>();

	private final Set<String> warnedMetrics = ConcurrentHashMap.newKeySet();

	private final AtomicBoolean sweeping = new AtomicBoolean();

	private volatile long nextSweep;

	/**
	 * Creates a guard with the default series budget, time to live, redactor and clock.
	 * @param maxTagValues the number of distinct values allowed per tag per metric
	 * @param maxValueLength the length beyond which a value is cut
	 */
	public CardinalityGuard(int maxTagValues, int maxValueLength) {
		this(builder().maxTagValues(maxTagValues).maxValueLength(maxValueLength));
	}

	private CardinalityGuard(Builder builder) {
		if (builder.maxTagValues < 1) {
			throw new IllegalArgumentException("maxTagValues must be at least 1, was " + builder.maxTagValues);
		}
		if (builder.maxValueLength < 1) {
			throw new IllegalArgumentException("maxValueLength must be at least 1, was " + builder.maxValueLength);
		}
		if (builder.maxSeriesPerMetric < 1) {
			throw new IllegalArgumentException(
					"maxSeriesPerMetric must be at least 1, was " + builder.maxSeriesPerMetric);
		}
		if (builder.tagValueTtl.isNegative() || builder.tagValueTtl.isZero()) {
			throw new IllegalArgumentException("tagValueTtl must be positive, was " + builder.tagValueTtl);
		}
		this.maxTagValues = builder.maxTagValues;
		this.maxValueLength = builder.maxValueLength;
		this.maxSeriesPerMetric = builder.maxSeriesPerMetric;
		this.tagValueTtl = builder.tagValueTtl;
		this.ttlNanos = saturatedNanos(builder.tagValueTtl);
		this.intervalNanos = Math.max(1, this.ttlNanos / 10);
		this.allowedValues = Map.copyOf(builder.allowedValues);
		this.redaction = (builder.redaction != null) ? builder.redaction
				: ((builder.redactor != null) ? builder.redactor : SecretRedactor.withDefaults())::redact;
		this.clock = builder.clock;
		this.nextSweep = this.clock.monotonicTime() + this.intervalNanos;
	}

	private static long saturatedNanos(Duration duration) {
		try {
			return duration.toNanos();
		}
		catch (ArithmeticException ex) {
			return Long.MAX_VALUE / 4;
		}
	}

	/**
	 * A builder of a guard, with the defaults of the properties.
	 * @return the builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * The guard of one tag of one metric; the same instance for the same names.
	 * @param metric the Micrometer name of the metric
	 * @param tag the tag key
	 * @return the bounded tag
	 */
	public BoundedTag tag(String metric, String tag) {
		String key = metric + '\u0000' + tag;
		BoundedTag bounded = this.tags.get(key);
		if (bounded == null) {
			bounded = this.tags.computeIfAbsent(key, (k) -> new BoundedTag(this, metric, tag,
					this.budgets.computeIfAbsent(metric, SeriesBudget::new), this.allowedValues.get(tag)));
			if (!this.registries.isEmpty()) {
				registerCounters(bounded);
			}
		}
		return bounded;
	}

	/**
	 * The number of distinct values allowed per tag per metric.
	 * @return the cap
	 */
	public int getMaxTagValues() {
		return this.maxTagValues;
	}

	/**
	 * The length beyond which a tag value is cut.
	 * @return the maximum length
	 */
	public int getMaxValueLength() {
		return this.maxValueLength;
	}

	/**
	 * The number of series a metric name may expose.
	 * @return the budget
	 */
	public int getMaxSeriesPerMetric() {
		return this.maxSeriesPerMetric;
	}

	/**
	 * How long a value may go unused before it is released.
	 * @return the time to live
	 */
	public Duration getTagValueTtl() {
		return this.tagValueTtl;
	}

	/**
	 * Registers the overflow and redaction counters of every guarded tag at zero, so that
	 * the first fold shows as an increase (and the metrics are in every scrape).
	 */
	@Override
	public void bindTo(MeterRegistry registry) {
		this.registries.add(registry);
		this.tags.values().forEach(this::registerCounters);
	}

	private void registerCounters(BoundedTag tag) {
		try {
			overflowCounters(tag);
			redactedCounters(tag);
		}
		catch (RuntimeException ex) {
			logger.debug("Could not register the counters of a guarded tag", ex);
		}
	}

	/**
	 * The clock's time, and once per tenth of the time to live a sweep of idle values by
	 * the one caller that wins it.
	 */
	long tick() {
		long now = this.clock.monotonicTime();
		if (now - this.nextSweep >= 0 && this.sweeping.compareAndSet(false, true)) {
			try {
				this.nextSweep = now + this.intervalNanos;
				sweep(now);
			}
			catch (RuntimeException ex) {
				logger.debug("Could not release idle tag values", ex);
			}
			finally {
				this.sweeping.set(false);
			}
		}
		return now;
	}

	long touchInterval() {
		return this.intervalNanos;
	}

	private void sweep(long now) {
		long cutoff = now - this.ttlNanos;
		for (BoundedTag tag : this.tags.values()) {
			SeriesBudget budget = tag.budget();
			Set<String> released = tag.releaseIdle(cutoff, now,
					tag.hasIdle(cutoff) ? budget.pinnedValues(this.registries, tag.key()) : Set.of());
			if (!released.isEmpty()) {
				int meters = budget.remove(this.registries, tag.key(), released);
				if (logger.isDebugEnabled()) {
					logger.debug("Released " + released.size() + " values of tag '" + tag.key() + "' of metric '"
							+ tag.metric() + "' unused for " + this.tagValueTtl + " (" + meters + " meters removed)");
				}
			}
		}
		// Budgets are measured again at the next new value.
		this.budgets.values().forEach((budget) -> {
			budget.full = false;
			budget.pressed = false;
		});
	}

	boolean fits(SeriesBudget budget, String key, String value, Set<String> admitted) {
		return budget.fits(this.registries, key, value, admitted, this.maxSeriesPerMetric);
	}

	/**
	 * Whether a value looks like a secret; a failing redactor says it does (fail closed).
	 */
	boolean looksSecret(String raw) {
		try {
			return this.redaction.apply(raw) != raw;
		}
		catch (RuntimeException | StackOverflowError ex) {
			return true;
		}
	}

	void redacted(BoundedTag tag) {
		try {
			for (Counter counter : redactedCounters(tag)) {
				counter.increment();
			}
		}
		catch (RuntimeException ex) {
			logger.debug("Could not record a redacted tag value", ex);
		}
	}

	void overflowed(BoundedTag tag) {
		try {
			for (Counter counter : overflowCounters(tag)) {
				counter.increment();
			}
			warnOnce(tag,
					"reached " + this.maxTagValues + " distinct values of tag '" + tag.key()
							+ "'; further values are recorded as '" + CardinalityMetricNames.OTHER
							+ "' (pyairtable.observability.metrics.max-tag-values).");
		}
		catch (RuntimeException ex) {
			logger.debug("Could not record a tag overflow", ex);
		}
	}

	void overBudget(BoundedTag tag) {
		warnOnce(tag,
				"reached its budget of " + this.maxSeriesPerMetric + " series; further values of tag '" + tag.key()
						+ "' are recorded as '" + CardinalityMetricNames.OTHER
						+ "' (pyairtable.observability.metrics.max-series-per-metric).");
	}

	private void warnOnce(BoundedTag tag, String message) {
		if (this.warnedMetrics.add(tag.metric())) {
			logger.warn("Metric '" + tag.metric() + "' " + message + " This is logged once per metric.");
		}
	}

	private List<Counter> overflowCounters(BoundedTag tag) {
		List<Counter> counters = tag.overflowCounters;
		if (counters == null || counters.size() != this.registries.size()) {
			counters = counters(tag, CardinalityMetricNames.TAG_OVERFLOW,
					CardinalityMetricNames.TAG_OVERFLOW_DESCRIPTION);
			tag.overflowCounters = counters;
		}
		return counters;
	}

	private List<Counter> redactedCounters(BoundedTag tag) {
		List<Counter> counters = tag.redactedCounters;
		if (counters == null || counters.size() != this.registries.size()) {
			counters = counters(tag, CardinalityMetricNames.TAG_REDACTED,
					CardinalityMetricNames.TAG_REDACTED_DESCRIPTION);
			tag.redactedCounters = counters;
		}
		return counters;
	}

	private List<Counter> counters(BoundedTag tag, String name, String description) {
		return this.registries.stream()
			.map((registry) -> Counter.builder(name)
				.description(description)
				.tag(CardinalityMetricNames.METRIC_TAG, tag.metric())
				.tag(CardinalityMetricNames.TAG_TAG, tag.key())
				.register(registry))
			.toList();
	}

	String sanitize(String raw) {
		String trimmed = raw.strip();
		int length = Math.min(trimmed.length(), this.maxValueLength);
		StringBuilder builder = null;
		for (int i = 0; i < length; i++) {
			char c = trimmed.charAt(i);
			if (Character.isISOControl(c) || Character.isSurrogate(c)) {
				if (builder == null) {
					builder = new StringBuilder(length).append(trimmed, 0, i);
				}
				builder.append('_');
			}
			else if (builder != null) {
				builder.append(c);
			}
		}
		String value = (builder != null) ? builder.toString() : trimmed.substring(0, length);
		return value.isEmpty() ? CardinalityMetricNames.UNKNOWN : value;
	}

	/**
	 * Builds a {@link CardinalityGuard}.
	 */
	public static final class Builder {

		private int maxTagValues = 100;

		private int maxValueLength = 64;

		private int maxSeriesPerMetric = DEFAULT_MAX_SERIES_PER_METRIC;

		private Duration tagValueTtl = DEFAULT_TAG_VALUE_TTL;

		private final Map<String, Set<String>> allowedValues = new LinkedHashMap<>();

		private @Nullable SecretRedactor redactor;

		private @Nullable UnaryOperator<@Nullable String> redaction;

		private Clock clock = Clock.SYSTEM;

		private Builder() {
		}

		/**
		 * The number of distinct values allowed per tag per metric.
		 * @param maxTagValues at least 1
		 * @return this builder
		 */
		public Builder maxTagValues(int maxTagValues) {
			this.maxTagValues = maxTagValues;
			return this;
		}

		/**
		 * The length beyond which a value is cut.
		 * @param maxValueLength at least 1
		 * @return this builder
		 */
		public Builder maxValueLength(int maxValueLength) {
			this.maxValueLength = maxValueLength;
			return this;
		}

		/**
		 * The number of series a metric name may expose.
		 * @param maxSeriesPerMetric at least 1
		 * @return this builder
		 */
		public Builder maxSeriesPerMetric(int maxSeriesPerMetric) {
			this.maxSeriesPerMetric = maxSeriesPerMetric;
			return this;
		}

		/**
		 * How long a value may go unused before it is released.
		 * @param tagValueTtl positive
		 * @return this builder
		 */
		public Builder tagValueTtl(Duration tagValueTtl) {
			this.tagValueTtl = tagValueTtl;
			return this;
		}

		/**
		 * Pins a tag key, in every metric, to a fixed set of values.
		 * @param tag the tag key
		 * @param values the values allowed
		 * @return this builder
		 */
		public Builder allowedValues(String tag, Set<String> values) {
			this.allowedValues.put(tag, Set.copyOf(values));
			return this;
		}

		/**
		 * The redactor that checks each new value; the built-in patterns when not set.
		 * @param redactor the redactor
		 * @return this builder
		 */
		public Builder redactor(@Nullable SecretRedactor redactor) {
			this.redactor = redactor;
			return this;
		}

		/** A stand-in for the redactor, for tests. */
		Builder redaction(UnaryOperator<@Nullable String> redaction) {
			this.redaction = redaction;
			return this;
		}

		/**
		 * The clock that measures how long a value went unused.
		 * @param clock the clock
		 * @return this builder
		 */
		public Builder clock(Clock clock) {
			this.clock = clock;
			return this;
		}

		/**
		 * Builds the guard.
		 * @return the guard
		 * @throws IllegalArgumentException if a limit is out of range
		 */
		public CardinalityGuard build() {
			return new CardinalityGuard(this);
		}

	}

}
