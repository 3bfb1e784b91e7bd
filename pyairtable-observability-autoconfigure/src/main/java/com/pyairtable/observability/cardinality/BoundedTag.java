package com.pyairtable.observability.cardinality;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Counter;
import org.jspecify.annotations.Nullable;

/**
 * One tag of one metric under the {@link CardinalityGuard}: maps raw values to bounded,
 * sanitised tag values.
 */
public final class BoundedTag {

	/** Marks a raw value already folded: compared by identity, so a real "other" is not one. */
	@SuppressWarnings("StringOperationCanBeSimplified")
	private static final String FOLDED = new String(CardinalityMetricNames.OTHER);

	private final CardinalityGuard guard;

	private final String metric;

	private final String key;

	/** Raw value to tag value, for the warm path; bounded so odd raw values cannot grow it. */
	private final ConcurrentHashMap<String, String> resolved = new ConcurrentHashMap<>();

	private final int maxResolved;

	private final Set<String> admitted = ConcurrentHashMap.newKeySet();

	private final AtomicInteger admittedCount = new AtomicInteger();

	/** The overflow counters, one per registry, created at the first fold. */
	volatile @Nullable List<Counter> overflowCounters;

	BoundedTag(CardinalityGuard guard, String metric, String key) {
		this.guard = guard;
		this.metric = metric;
		this.key = key;
		this.maxResolved = guard.getMaxTagValues() * 4;
	}

	/**
	 * The tag value to record for a raw value: the sanitised value while the cap allows,
	 * {@code other} beyond it, {@code unknown} for a missing or blank value. Never throws.
	 * @param raw the raw value
	 * @return the tag value
	 */
	public String value(@Nullable String raw) {
		if (raw == null) {
			return CardinalityMetricNames.UNKNOWN;
		}
		String known = this.resolved.get(raw);
		if (known != null) {
			if (known == FOLDED) {
				this.guard.overflowed(this);
			}
			return known;
		}
		return resolve(raw);
	}

	private String resolve(String raw) {
		String value;
		try {
			value = this.guard.sanitize(raw);
		}
		catch (RuntimeException ex) {
			return CardinalityMetricNames.UNKNOWN;
		}
		if (!isReserved(value) && !this.admitted.contains(value)) {
			if (!admit(value)) {
				this.guard.overflowed(this);
				if (this.resolved.size() < this.maxResolved) {
					this.resolved.putIfAbsent(raw, FOLDED);
				}
				return FOLDED;
			}
		}
		if (this.resolved.size() < this.maxResolved) {
			this.resolved.putIfAbsent(raw, value);
		}
		return value;
	}

	private boolean admit(String value) {
		if (this.admittedCount.get() >= this.guard.getMaxTagValues()) {
			// Full: no lock for the values of a cardinality attack.
			return false;
		}
		synchronized (this.admitted) {
			if (this.admitted.contains(value)) {
				return true;
			}
			if (this.admittedCount.get() >= this.guard.getMaxTagValues()) {
				return false;
			}
			this.admitted.add(value);
			this.admittedCount.incrementAndGet();
			return true;
		}
	}

	private static boolean isReserved(String value) {
		return CardinalityMetricNames.OTHER.equals(value) || CardinalityMetricNames.UNKNOWN.equals(value);
	}

	/**
	 * The number of distinct values admitted so far.
	 * @return the count, at most the cap
	 */
	public int size() {
		return this.admittedCount.get();
	}

	/**
	 * The metric this tag belongs to.
	 * @return the Micrometer metric name
	 */
	public String metric() {
		return this.metric;
	}

	/**
	 * The tag key.
	 * @return the key
	 */
	public String key() {
		return this.key;
	}

}
