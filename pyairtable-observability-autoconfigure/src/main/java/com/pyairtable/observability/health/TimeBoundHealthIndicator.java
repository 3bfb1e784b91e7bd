package com.pyairtable.observability.health;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * Runs a health indicator on a bounded executor and waits for it at most its timeout:
 * past it, the indicator is reported DOWN (DEGRADED when not critical) with the reason.
 * <p>
 * At most one call of the indicator runs at a time: callers arriving while it runs share
 * its result, and once it has timed out they get the timed-out result at once until it
 * returns. A hung indicator therefore holds one thread, never one per probe. The call is
 * not interrupted, since interrupting a JDBC or network call may break a pooled
 * connection.
 */
public final class TimeBoundHealthIndicator implements HealthIndicator {

	private static final Log logger = LogFactory.getLog(TimeBoundHealthIndicator.class);

	private final String name;

	private final HealthIndicator delegate;

	private final Duration timeout;

	private final Status failureStatus;

	private final Executor executor;

	private final AtomicReference<@Nullable Call> current = new AtomicReference<>();

	/**
	 * Wrap an indicator.
	 * @param name the contributor name
	 * @param delegate the indicator
	 * @param timeout how long to wait for it
	 * @param critical whether a timeout is reported DOWN rather than DEGRADED
	 * @param executor the bounded executor running the calls
	 */
	public TimeBoundHealthIndicator(String name, HealthIndicator delegate, Duration timeout, boolean critical,
			Executor executor) {
		this.name = name;
		this.delegate = delegate;
		this.timeout = timeout;
		this.failureStatus = HealthStatuses.failure(critical);
		this.executor = executor;
	}

	/**
	 * The wrapped indicator.
	 * @return the delegate
	 */
	public HealthIndicator getDelegate() {
		return this.delegate;
	}

	@Override
	public @Nullable Health health(boolean includeDetails) {
		// The indicator's details may quote a connection URL or an error with a secret.
		Health health = Redaction.details(awaitCall());
		if (health == null || includeDetails || health.getDetails().isEmpty()) {
			return health;
		}
		return Health.status(health.getStatus()).build();
	}

	@Override
	public @Nullable Health health() {
		return health(true);
	}

	private @Nullable Health awaitCall() {
		Call call = this.current.get();
		if (call == null || call.result.isDone()) {
			Call started = new Call();
			if (this.current.compareAndSet(call, started)) {
				try {
					this.executor.execute(started);
				}
				catch (RejectedExecutionException ex) {
					this.current.compareAndSet(started, null);
					return failure("no thread free to run the indicator", Duration.ZERO);
				}
			}
			call = this.current.get();
			if (call == null) {
				return failure("no thread free to run the indicator", Duration.ZERO);
			}
		}
		return await(call);
	}

	private @Nullable Health await(Call call) {
		long remaining = this.timeout.toNanos() - (System.nanoTime() - call.startNanos);
		if (remaining <= 0 && !call.result.isDone()) {
			return failure("still running after the timeout of " + this.timeout.toMillis() + "ms", call.runningFor());
		}
		try {
			return call.result.get(Math.max(remaining, 0), TimeUnit.NANOSECONDS);
		}
		catch (TimeoutException ex) {
			logger.warn("Health indicator '" + this.name + "' did not answer within " + this.timeout.toMillis()
					+ "ms; reported " + this.failureStatus);
			return failure("timed out after " + this.timeout.toMillis() + "ms", call.runningFor());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return failure("interrupted while waiting for the indicator", call.runningFor());
		}
		catch (ExecutionException ex) {
			Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
			return Health.down().withDetail("error", Redaction.error(cause, List.of())).build();
		}
	}

	private Health failure(String reason, Duration runningFor) {
		return Health.status(this.failureStatus)
			.withDetail("error", reason)
			.withDetail("timeoutMillis", this.timeout.toMillis())
			.withDetail("runningForMillis", runningFor.toMillis())
			.build();
	}

	private final class Call implements Runnable {

		private final long startNanos = System.nanoTime();

		private final CompletableFuture<@Nullable Health> result = new CompletableFuture<>();

		@Override
		public void run() {
			try {
				this.result.complete(TimeBoundHealthIndicator.this.delegate.health(true));
			}
			catch (Throwable ex) {
				this.result.completeExceptionally(ex);
			}
		}

		Duration runningFor() {
			return Duration.ofNanos(System.nanoTime() - this.startNanos);
		}

	}

}
