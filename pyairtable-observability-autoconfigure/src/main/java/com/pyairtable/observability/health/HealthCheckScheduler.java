package com.pyairtable.observability.health;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The dedicated scheduler of the dependency checks: daemon threads named
 * {@code health-check-N}, stopped by {@link #close()}.
 * <p>
 * It is deliberately not a {@link ScheduledExecutorService} bean: Spring's scheduling
 * picks such a bean up for the application's {@code @Scheduled} methods when no
 * {@code TaskScheduler} is defined, and health checks must not share threads with them.
 */
public final class HealthCheckScheduler implements AutoCloseable {

	private final ScheduledThreadPoolExecutor executor;

	/**
	 * Create the scheduler.
	 * @param threads the number of threads
	 */
	public HealthCheckScheduler(int threads) {
		this.executor = new ScheduledThreadPoolExecutor(threads, new DaemonThreadFactory());
		this.executor.setRemoveOnCancelPolicy(true);
	}

	/**
	 * The executor running the checks.
	 * @return the executor
	 */
	public ScheduledExecutorService getExecutor() {
		return this.executor;
	}

	/**
	 * Stop the scheduler, abandoning checks in progress.
	 */
	@Override
	public void close() {
		this.executor.shutdownNow();
	}

	private static final class DaemonThreadFactory implements ThreadFactory {

		private final AtomicInteger count = new AtomicInteger();

		@Override
		public Thread newThread(Runnable runnable) {
			Thread thread = new Thread(runnable, "health-check-" + this.count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		}

	}

}
