package com.pyairtable.observability.health;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthContributors;
import org.springframework.context.SmartLifecycle;

/**
 * The dependency checks, shown as one composite contributor
 * ({@code dependencies/<name>}), each run on its own interval on a dedicated scheduler
 * from the start of the context: a check never overlaps itself, so outbound calls never
 * exceed one per interval whatever the number of probes.
 */
public final class DependencyChecks
		implements CompositeHealthContributor, NonBlockingHealthContributor, SmartLifecycle {

	/** Name of the composite contributor in {@code /actuator/health}. */
	public static final String CONTRIBUTOR_NAME = "dependencies";

	private final Map<String, DependencyCheck> checks;

	private final ScheduledExecutorService scheduler;

	private final List<ScheduledFuture<?>> scheduled = new ArrayList<>();

	private volatile boolean running;

	/**
	 * Create the checks.
	 * @param checks the checks
	 * @param scheduler the scheduler that runs them
	 */
	public DependencyChecks(List<DependencyCheck> checks, ScheduledExecutorService scheduler) {
		Map<String, DependencyCheck> byName = new LinkedHashMap<>();
		checks.forEach((check) -> byName.put(check.getName(), check));
		this.checks = byName;
		this.scheduler = scheduler;
	}

	/**
	 * The checks in declaration order.
	 * @return the checks
	 */
	public List<DependencyCheck> getChecks() {
		return List.copyOf(this.checks.values());
	}

	@Override
	public @Nullable HealthContributor getContributor(String name) {
		return this.checks.get(name);
	}

	@Override
	public Stream<HealthContributors.Entry> stream() {
		return this.checks.entrySet()
			.stream()
			.map((entry) -> new HealthContributors.Entry(entry.getKey(), entry.getValue()));
	}

	@Override
	public synchronized void start() {
		if (this.running) {
			return;
		}
		for (DependencyCheck check : this.checks.values()) {
			this.scheduled.add(this.scheduler.scheduleWithFixedDelay(check::run, 0, check.getInterval().toMillis(),
					TimeUnit.MILLISECONDS));
		}
		this.running = true;
	}

	@Override
	public synchronized void stop() {
		this.scheduled.forEach((future) -> future.cancel(true));
		this.scheduled.clear();
		this.running = false;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		// Early: the first checks start before the web server accepts probes.
		return SmartLifecycle.DEFAULT_PHASE - 2048;
	}

}
