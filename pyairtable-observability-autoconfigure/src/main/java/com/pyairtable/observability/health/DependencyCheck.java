package com.pyairtable.observability.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;

import com.pyairtable.observability.logging.SecretRedactor;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * A dependency declared in YAML, checked in the background by {@link DependencyChecks}:
 * its health is the last result, so reading it costs nothing and never calls the
 * dependency.
 * <p>
 * Not checked yet: {@code UNKNOWN}. Healthy: {@code UP}. Failing: {@code DOWN} when
 * critical, else {@link HealthStatuses#DEGRADED}.
 */
public final class DependencyCheck implements HealthIndicator, NonBlockingHealthContributor {

	private static final Log logger = LogFactory.getLog(DependencyCheck.class);

	private final String name;

	private final String type;

	private final String target;

	private final boolean critical;

	private final Duration interval;

	private final DependencyProbe probe;

	private final List<String> secrets;

	private final Clock clock;

	private final UnaryOperator<@Nullable String> redactor;

	private volatile Result result = Result.PENDING;

	/**
	 * Create a check.
	 * @param name the name of the check
	 * @param type the type shown in the details ({@code http}, {@code tcp})
	 * @param target the redacted address shown in the details
	 * @param critical whether a failure takes readiness down
	 * @param interval the time between the end of a check and the start of the next
	 * @param probe the probe
	 * @param secrets values never to show in details or logs
	 * @param clock the clock giving the time of the results
	 */
	public DependencyCheck(String name, String type, String target, boolean critical, Duration interval,
			DependencyProbe probe, List<String> secrets, Clock clock) {
		this(name, type, target, critical, interval, probe, secrets, clock, SecretRedactor.withDefaults()::redact);
	}

	/**
	 * Create a check whose errors pass through the given secret redaction.
	 * @param name the name of the check
	 * @param type the type shown in the details ({@code http}, {@code tcp})
	 * @param target the redacted address shown in the details
	 * @param critical whether a failure takes readiness down
	 * @param interval the time between the end of a check and the start of the next
	 * @param probe the probe
	 * @param secrets values never to show in details or logs
	 * @param clock the clock giving the time of the results
	 * @param redactor the secret redaction of error messages, returning the same instance
	 * when nothing changed
	 */
	public DependencyCheck(String name, String type, String target, boolean critical, Duration interval,
			DependencyProbe probe, List<String> secrets, Clock clock, UnaryOperator<@Nullable String> redactor) {
		this.redactor = redactor;
		this.name = name;
		this.type = type;
		this.target = target;
		this.critical = critical;
		this.interval = interval;
		this.probe = probe;
		this.secrets = List.copyOf(secrets);
		this.clock = clock;
	}

	/**
	 * Run the probe once and keep its result; never throws.
	 */
	public void run() {
		long start = System.nanoTime();
		try {
			this.probe.probe();
			this.result = this.result.success(elapsed(start), this.clock.instant());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.result = this.result.failure(elapsed(start), this.clock.instant(), "interrupted");
		}
		catch (Throwable ex) {
			String error = Redaction.error(ex, this.secrets, this.redactor);
			if (this.result.up() || this.result == Result.PENDING) {
				logger.warn("Health check '" + this.name + "' failed: " + error);
			}
			this.result = this.result.failure(elapsed(start), this.clock.instant(), error);
		}
	}

	private static Duration elapsed(long start) {
		return Duration.ofNanos(System.nanoTime() - start);
	}

	@Override
	public Health health() {
		Result current = this.result;
		Health.Builder health = Health.status(status(current))
			.withDetail("type", this.type)
			.withDetail("target", this.target)
			.withDetail("critical", this.critical);
		if (current.checkedAt() == null) {
			return health.withDetail("state", "not checked yet").build();
		}
		health.withDetail("latencyMillis", current.latency().toMillis());
		health.withDetail("lastChecked", current.checkedAt().toString());
		if (current.lastSuccess() != null) {
			health.withDetail("lastSuccess", current.lastSuccess().toString());
		}
		if (current.error() != null) {
			health.withDetail("error", current.error());
		}
		return health.build();
	}

	private Status status(Result current) {
		if (current.checkedAt() == null) {
			return Status.UNKNOWN;
		}
		return current.up() ? Status.UP : HealthStatuses.failure(this.critical);
	}

	/**
	 * Name of the check.
	 * @return the name
	 */
	public String getName() {
		return this.name;
	}

	/**
	 * Whether a failure takes readiness down.
	 * @return whether the check is critical
	 */
	public boolean isCritical() {
		return this.critical;
	}

	/**
	 * Time between the end of a check and the start of the next.
	 * @return the interval
	 */
	public Duration getInterval() {
		return this.interval;
	}

	/**
	 * Whether the last check succeeded; false before the first check.
	 * @return whether the dependency is up
	 */
	public boolean isUp() {
		return this.result.up();
	}

	/**
	 * Latency of the last check.
	 * @return the latency, or {@code null} before the first check
	 */
	public @Nullable Duration getLastLatency() {
		Result current = this.result;
		return (current.checkedAt() != null) ? current.latency() : null;
	}

	private record Result(boolean up, Duration latency, @Nullable Instant checkedAt, @Nullable Instant lastSuccess,
			@Nullable String error) {

		static final Result PENDING = new Result(false, Duration.ZERO, null, null, null);

		Result success(Duration latency, Instant now) {
			return new Result(true, latency, now, now, null);
		}

		Result failure(Duration latency, Instant now, String error) {
			return new Result(false, latency, now, this.lastSuccess, error);
		}

	}

}
