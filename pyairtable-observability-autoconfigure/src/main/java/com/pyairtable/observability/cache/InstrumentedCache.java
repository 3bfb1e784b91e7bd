package com.pyairtable.observability.cache;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.springframework.cache.Cache;

/**
 * A {@link Cache} that records its operations in {@link CacheMetrics} and otherwise
 * delegates; {@link #getNativeCache()} and {@link #getName()} are the delegate's, so the
 * cache still reads as itself (and Boot's cache metrics still find it through
 * {@link InstrumentedCacheMeterBinderProvider}).
 */
public class InstrumentedCache implements Cache {

	private final Cache delegate;

	private final CacheMetrics metrics;

	/**
	 * Decorates a cache.
	 * @param delegate the cache
	 * @param metrics where operations are recorded
	 */
	public InstrumentedCache(Cache delegate, CacheMetrics metrics) {
		this.delegate = delegate;
		this.metrics = metrics;
	}

	/**
	 * The decorated cache.
	 * @return the delegate
	 */
	public Cache getDelegate() {
		return this.delegate;
	}

	@Override
	public String getName() {
		return this.delegate.getName();
	}

	@Override
	public Object getNativeCache() {
		return this.delegate.getNativeCache();
	}

	@Override
	public @Nullable ValueWrapper get(Object key) {
		long start = System.nanoTime();
		ValueWrapper value = this.delegate.get(key);
		lookup(value != null, start);
		return value;
	}

	@Override
	public <T> @Nullable T get(Object key, @Nullable Class<T> type) {
		long start = System.nanoTime();
		T value = this.delegate.get(key, type);
		lookup(value != null, start);
		return value;
	}

	@Override
	public <T> @Nullable T get(Object key, Callable<T> valueLoader) {
		long start = System.nanoTime();
		boolean[] loaded = new boolean[1];
		T value = this.delegate.get(key, () -> {
			loaded[0] = true;
			return valueLoader.call();
		});
		lookup(!loaded[0], start);
		return value;
	}

	@Override
	public @Nullable CompletableFuture<?> retrieve(Object key) {
		long start = System.nanoTime();
		CompletableFuture<?> future = this.delegate.retrieve(key);
		if (future == null) {
			lookup(false, start);
			return null;
		}
		return future.whenComplete((value, ex) -> lookup(ex == null && value != null, start));
	}

	@Override
	public <T> CompletableFuture<T> retrieve(Object key, Supplier<CompletableFuture<T>> valueLoader) {
		long start = System.nanoTime();
		boolean[] loaded = new boolean[1];
		return this.delegate.retrieve(key, () -> {
			loaded[0] = true;
			return valueLoader.get();
		}).whenComplete((value, ex) -> lookup(!loaded[0], start));
	}

	@Override
	public void put(Object key, @Nullable Object value) {
		long start = System.nanoTime();
		this.delegate.put(key, value);
		record(CacheMetricNames.PUT, start);
	}

	@Override
	public @Nullable ValueWrapper putIfAbsent(Object key, @Nullable Object value) {
		long start = System.nanoTime();
		ValueWrapper existing = this.delegate.putIfAbsent(key, value);
		record(CacheMetricNames.PUT, start);
		return existing;
	}

	@Override
	public void evict(Object key) {
		long start = System.nanoTime();
		this.delegate.evict(key);
		record(CacheMetricNames.EVICT, start);
	}

	@Override
	public boolean evictIfPresent(Object key) {
		long start = System.nanoTime();
		boolean evicted = this.delegate.evictIfPresent(key);
		record(CacheMetricNames.EVICT, start);
		return evicted;
	}

	@Override
	public void clear() {
		long start = System.nanoTime();
		this.delegate.clear();
		record(CacheMetricNames.CLEAR, start);
	}

	@Override
	public boolean invalidate() {
		long start = System.nanoTime();
		boolean invalidated = this.delegate.invalidate();
		record(CacheMetricNames.CLEAR, start);
		return invalidated;
	}

	private void lookup(boolean hit, long start) {
		this.metrics.record(getName(), CacheMetricNames.GET, hit ? CacheMetricNames.HIT : CacheMetricNames.MISS,
				System.nanoTime() - start);
	}

	private void record(String operation, long start) {
		this.metrics.record(getName(), operation, CacheMetricNames.NONE, System.nanoTime() - start);
	}

	@Override
	public String toString() {
		return "Instrumented[" + this.delegate + "]";
	}

}
