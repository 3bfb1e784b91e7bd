package com.pyairtable.observability.tracing;

import java.util.function.LongSupplier;

/**
 * A token bucket holding the number of new traces kept per second: refills continuously
 * at {@code perSecond}, holds at most one second's worth, so a spike gets at most that
 * many traces plus the refill.
 */
public final class TracesPerSecondLimiter {

	private final double perSecond;

	private final LongSupplier nanoTime;

	private double tokens;

	private long lastRefill;

	/**
	 * Creates a limiter.
	 * @param perSecond traces per second; zero or less means no limit
	 * @param nanoTime the clock
	 */
	public TracesPerSecondLimiter(double perSecond, LongSupplier nanoTime) {
		this.perSecond = perSecond;
		this.nanoTime = nanoTime;
		this.tokens = Math.max(perSecond, 1);
		this.lastRefill = nanoTime.getAsLong();
	}

	/**
	 * Takes one token if there is one.
	 * @return whether the trace may be kept
	 */
	public boolean tryAcquire() {
		// No cap: no lock either, every request thread passes here.
		return this.perSecond <= 0 || acquire();
	}

	private synchronized boolean acquire() {
		long now = this.nanoTime.getAsLong();
		double refill = (now - this.lastRefill) / 1_000_000_000.0 * this.perSecond;
		this.tokens = Math.min(Math.max(this.perSecond, 1), this.tokens + refill);
		this.lastRefill = now;
		if (this.tokens >= 1) {
			this.tokens -= 1;
			return true;
		}
		return false;
	}

}
