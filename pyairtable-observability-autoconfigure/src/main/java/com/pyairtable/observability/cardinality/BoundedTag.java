package com.pyairtable.observability.cardinality;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Counter;
import org.jspecify.annotations.Nullable;

/**
 * One tag of one metric under the {@link CardinalityGuard}: maps raw values to bounded,
 * sanitised tag values; a value that looks like a secret becomes {@code redacted}.
 */
public final class BoundedTag {

	private static final Resolution DISALLOWED = new Resolution(CardinalityMetricNames.OTHER, null, false, false);

	private static final Resolution FOLDED = new Resolution(CardinalityMetricNames.OTHER, null, true, false);

	private static final Resolution FOLDED_SECRET = new Resolution(CardinalityMetricNames.OTHER, null, true, true);

	private static final Resolution UNKNOWN = new Resolution(CardinalityMetricNames.UNKNOWN, null, false, false);

	private static final Resolution OTHER = new Resolution(CardinalityMetricNames.OTHER, null, false, false);

	private final CardinalityGuard guard;

	private final String metric;

	private final String key;

	private final SeriesBudget budget;

	private final @Nullable Set<String> allowedValues;

	/**
	 * Raw value to its resolution, for the warm path; bounded so odd raw values cannot
	 * grow it.
	 */
	private final ConcurrentHashMap<String, Resolution> resolved = new ConcurrentHashMap<>();

	private final int maxResolved;

	/** Admitted tag value to its slot; written under the budget's lock. */
	private final Map<String, Slot> admitted = new ConcurrentHashMap<>();

	/** Admitted values that count against the per-tag cap ({@code redacted} does not). */
	private final AtomicInteger capped = new AtomicInteger();

	/** The overflow counters, one per registry, created at the first fold. */
	volatile @Nullable List<Counter> overflowCounters;

	/** The redaction counters, one per registry. */
	volatile @Nullable List<Counter> redactedCounters;

	BoundedTag(CardinalityGuard guard, String metric, String key, SeriesBudget budget,
			@Nullable Set<String> allowedValues) {
		this.guard = guard;
		this.metric = metric;
		this.key = key;
		this.budget = budget;
		this.allowedValues = allowedValues;
		this.maxResolved = guard.getMaxTagValues() * 4;
	}

	/**
	 * The tag value to record for a raw value: the sanitised value while the cap and the
	 * series budget allow, {@code other} beyond them or outside the allowed values,
	 * {@code redacted} for a value that looks like a secret, {@code unknown} for a
	 * missing or blank value. Never throws.
	 * @param raw the raw value
	 * @return the tag value
	 */
	public String value(@Nullable String raw) {
		long now = this.guard.tick();
		if (raw == null) {
			return CardinalityMetricNames.UNKNOWN;
		}
		Resolution resolution = this.resolved.get(raw);
		if (resolution == null || resolution.released()) {
			resolution = resolve(raw, now);
		}
		Slot slot = resolution.slot;
		if (slot != null && now - slot.lastUsed >= this.guard.touchInterval()) {
			slot.lastUsed = now;
		}
		if (resolution.redacted) {
			this.guard.redacted(this);
		}
		if (resolution.folded) {
			if (!this.budget.pressed) {
				this.budget.pressed = true;
			}
			this.guard.overflowed(this);
		}
		return resolution.value;
	}

	private Resolution resolve(String raw, long now) {
		try {
			Set<String> allowed = this.allowedValues;
			if (allowed != null) {
				// A pinned tag takes only its configured values, outside the cap and the
				// budget.
				String value = raw.strip();
				return remember(raw,
						allowed.contains(value) ? admitted(value, admit(value, now, false, false)) : DISALLOWED);
			}
			if (this.capped.get() >= this.guard.getMaxTagValues() || this.budget.full) {
				// Full: no lock for the values of a cardinality attack, and no redaction
				// check:
				// what is recorded is either a value admitted before or 'other'.
				String value = this.guard.sanitize(raw);
				if (isReserved(value)) {
					return remember(raw, reserved(value));
				}
				Slot slot = this.admitted.get(value);
				if (slot != null && !slot.released) {
					return remember(raw, new Resolution(slot.value, slot, false, false));
				}
				return fold(raw, false);
			}
			boolean secret = this.guard.looksSecret(raw);
			String value = secret ? CardinalityMetricNames.REDACTED : this.guard.sanitize(raw);
			if (!secret && isReserved(value)) {
				return remember(raw, reserved(value));
			}
			Slot slot = admit(value, now, !secret, true);
			if (slot == null) {
				return fold(raw, secret);
			}
			return remember(raw, new Resolution(slot.value, slot, false, secret));
		}
		catch (RuntimeException ex) {
			return UNKNOWN;
		}
	}

	private static Resolution reserved(String value) {
		return CardinalityMetricNames.OTHER.equals(value) ? OTHER : UNKNOWN;
	}

	private static Resolution admitted(String value, @Nullable Slot slot) {
		return (slot != null) ? new Resolution(slot.value, slot, false, false)
				: new Resolution(value, null, false, false);
	}

	private Resolution fold(String raw, boolean secret) {
		return remember(raw, secret ? FOLDED_SECRET : FOLDED);
	}

	private Resolution remember(String raw, Resolution resolution) {
		if (this.resolved.size() < this.maxResolved) {
			this.resolved.put(raw, resolution);
		}
		return resolution;
	}

	private @Nullable Slot admit(String value, long now, boolean countsAgainstCap, boolean budgeted) {
		Slot slot = this.admitted.get(value);
		if (slot != null && !slot.released) {
			return slot;
		}
		synchronized (this.budget) {
			slot = this.admitted.get(value);
			if (slot != null && !slot.released) {
				return slot;
			}
			if (countsAgainstCap && this.capped.get() >= this.guard.getMaxTagValues()) {
				return null;
			}
			if (budgeted && !this.guard.fits(this.budget, this.key, value, this.admitted.keySet())) {
				this.budget.full = true;
				this.guard.overBudget(this);
				return null;
			}
			slot = new Slot(value, now, countsAgainstCap);
			this.admitted.put(value, slot);
			if (countsAgainstCap) {
				this.capped.incrementAndGet();
			}
			return slot;
		}
	}

	/**
	 * Releases the values unused since a cutoff, except those whose meters would not come
	 * back, and forgets the folds so that their raw values are judged again.
	 * @return the released values
	 */
	Set<String> releaseIdle(long cutoff, long now, Set<String> pinned) {
		Set<String> released = new HashSet<>();
		synchronized (this.budget) {
			for (Slot slot : needsRoom() ? this.admitted.values() : List.<Slot>of()) {
				if (slot.lastUsed - cutoff >= 0) {
					continue;
				}
				if (pinned.contains(slot.value)) {
					slot.lastUsed = now;
					continue;
				}
				// Marked first: a recording that raced past the mark lands on a meter
				// about to
				// be removed; every later one resolves the value again.
				slot.released = true;
				this.admitted.remove(slot.value, slot);
				if (slot.capped) {
					this.capped.decrementAndGet();
				}
				released.add(slot.value);
			}
			this.resolved.values().removeIf((resolution) -> resolution.folded || resolution.released());
		}
		return released;
	}

	/**
	 * Whether the tag needs room: at its cap, or a value of the metric was folded since
	 * the last sweep. A tag within its limits keeps its idle values (and their series).
	 */
	private boolean needsRoom() {
		return this.capped.get() >= this.guard.getMaxTagValues() || this.budget.pressed;
	}

	boolean hasIdle(long cutoff) {
		if (!needsRoom()) {
			return false;
		}
		for (Slot slot : this.admitted.values()) {
			if (slot.lastUsed - cutoff < 0) {
				return true;
			}
		}
		return false;
	}

	SeriesBudget budget() {
		return this.budget;
	}

	private static boolean isReserved(String value) {
		return CardinalityMetricNames.OTHER.equals(value) || CardinalityMetricNames.UNKNOWN.equals(value);
	}

	/**
	 * The number of distinct values admitted now, {@code redacted} excluded.
	 * @return the count, at most the cap
	 */
	public int size() {
		return this.capped.get();
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

	/** An admitted tag value and when it was last used. */
	private static final class Slot {

		private final String value;

		private final boolean capped;

		volatile long lastUsed;

		volatile boolean released;

		Slot(String value, long lastUsed, boolean capped) {
			this.value = value;
			this.lastUsed = lastUsed;
			this.capped = capped;
		}

	}

	/** What a raw value records as. */
	private record Resolution(String value, @Nullable Slot slot, boolean folded, boolean redacted) {

		boolean released() {
			Slot slot = this.slot;
			return slot != null && slot.released;
		}

	}

}
