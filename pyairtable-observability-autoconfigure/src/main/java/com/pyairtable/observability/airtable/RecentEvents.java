package com.pyairtable.observability.airtable;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.LongSupplier;

/**
 * The times of the last few events in a fixed ring: enough to tell "a run of N within a
 * window" in constant memory, without a lock on the recording path.
 */
final class RecentEvents {

	private final AtomicLongArray times;

	private final AtomicInteger next = new AtomicInteger();

	private final LongSupplier clock;

	RecentEvents(int capacity, LongSupplier nanoClock) {
		this.times = new AtomicLongArray(capacity);
		for (int i = 0; i < capacity; i++) {
			this.times.set(i, Long.MIN_VALUE);
		}
		this.clock = nanoClock;
	}

	void record() {
		int slot = Math.floorMod(this.next.getAndIncrement(), this.times.length());
		this.times.set(slot, this.clock.getAsLong());
	}

	/**
	 * How many recorded events fall within the window, up to the ring's capacity.
	 */
	int within(Duration window) {
		long now = this.clock.getAsLong();
		long windowNanos = window.toNanos();
		int count = 0;
		for (int i = 0; i < this.times.length(); i++) {
			long time = this.times.get(i);
			if (time != Long.MIN_VALUE && now - time <= windowNanos) {
				count++;
			}
		}
		return count;
	}

}
