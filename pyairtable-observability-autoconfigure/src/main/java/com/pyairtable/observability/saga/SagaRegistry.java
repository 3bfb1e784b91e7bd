package com.pyairtable.observability.saga;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sagas running now, so that long-running ones can be found (the health feature reads
 * {@link #runningLongerThan(Duration)}).
 */
public class SagaRegistry {

	private final ConcurrentHashMap<String, RunningSaga> running = new ConcurrentHashMap<>();

	private final Clock clock;

	/**
	 * Creates a registry on the system clock.
	 */
	public SagaRegistry() {
		this(Clock.systemUTC());
	}

	/**
	 * Creates a registry.
	 * @param clock the clock that stamps starts
	 */
	public SagaRegistry(Clock clock) {
		this.clock = clock;
	}

	RunningSaga started(String id, String name) {
		RunningSaga saga = new RunningSaga(id, name, this.clock.instant());
		this.running.put(id, saga);
		return saga;
	}

	void finished(String id) {
		this.running.remove(id);
	}

	/**
	 * The sagas running now, oldest first.
	 * @return the running sagas
	 */
	public List<RunningSaga> running() {
		return this.running.values().stream().sorted(Comparator.comparing(RunningSaga::startedAt)).toList();
	}

	/**
	 * The sagas that began more than {@code threshold} ago and have not ended, oldest
	 * first.
	 * @param threshold the age beyond which a saga is listed
	 * @return the long-running sagas
	 */
	public List<RunningSaga> runningLongerThan(Duration threshold) {
		Instant limit = this.clock.instant().minus(threshold);
		return this.running.values()
			.stream()
			.filter((saga) -> saga.startedAt().isBefore(limit))
			.sorted(Comparator.comparing(RunningSaga::startedAt))
			.toList();
	}

}
