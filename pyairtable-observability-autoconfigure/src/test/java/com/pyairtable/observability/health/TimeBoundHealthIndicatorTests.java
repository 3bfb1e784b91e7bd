package com.pyairtable.observability.health;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;

class TimeBoundHealthIndicatorTests {

	private static final Duration TIMEOUT = Duration.ofMillis(200);

	private final ThreadPoolExecutor executor = new ThreadPoolExecutor(0, 4, 1, TimeUnit.SECONDS,
			new SynchronousQueue<>());

	private final CountDownLatch release = new CountDownLatch(1);

	private final AtomicInteger calls = new AtomicInteger();

	@AfterEach
	void stop() {
		this.release.countDown();
		this.executor.shutdownNow();
	}

	@Test
	void returnsTheIndicatorsHealthWhenItAnswersInTime() {
		TimeBoundHealthIndicator indicator = bound(() -> Health.up().withDetail("a", 1).build(), true);
		assertThat(indicator.health(true)).isEqualTo(Health.up().withDetail("a", 1).build());
		assertThat(indicator.health(false).getDetails()).isEmpty();
	}

	@Test
	void reportsDownWithTheReasonWhenACriticalIndicatorHangs() {
		TimeBoundHealthIndicator indicator = bound(this::hang, true);
		long start = System.nanoTime();
		Health health = indicator.health(true);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(TIMEOUT.plusMillis(300));
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails().get("error").toString()).contains("timed out after 200ms");
	}

	@Test
	void reportsDegradedWhenANonCriticalIndicatorHangs() {
		TimeBoundHealthIndicator indicator = bound(this::hang, false);
		assertThat(indicator.health(true).getStatus()).isEqualTo(HealthStatuses.DEGRADED);
	}

	@Test
	void answersAtOnceWithoutCallingAgainWhileTheTimedOutCallStillRuns() {
		TimeBoundHealthIndicator indicator = bound(this::hang, true);
		indicator.health(true);
		for (int i = 0; i < 20; i++) {
			long start = System.nanoTime();
			Health health = indicator.health(true);
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(50));
			assertThat(health.getDetails().get("error").toString()).contains("still running");
		}
		assertThat(this.calls).hasValue(1);
		assertThat(this.executor.getPoolSize()).isEqualTo(1);
	}

	@Test
	void callsAgainOnceTheSlowCallHasReturned() throws Exception {
		TimeBoundHealthIndicator indicator = bound(this::hang, true);
		indicator.health(true);
		this.release.countDown();
		org.awaitility.Awaitility.await()
			.atMost(Duration.ofSeconds(5))
			.until(() -> Status.UP.equals(indicator.health(true).getStatus()));
		assertThat(this.calls).hasValue(2);
	}

	@Test
	void concurrentCallersShareOneCall() throws Exception {
		TimeBoundHealthIndicator indicator = bound(this::hang, true);
		ExecutorService callers = Executors.newFixedThreadPool(10);
		try {
			List<Future<Health>> results = new ArrayList<>();
			for (int i = 0; i < 10; i++) {
				results.add(callers.submit(() -> indicator.health(true)));
			}
			for (Future<Health> result : results) {
				assertThat(result.get(2, TimeUnit.SECONDS).getStatus()).isEqualTo(Status.DOWN);
			}
		}
		finally {
			callers.shutdownNow();
		}
		assertThat(this.calls).hasValue(1);
	}

	@Test
	void reportsDownWhenTheIndicatorThrows() {
		TimeBoundHealthIndicator indicator = bound(() -> {
			throw new IllegalStateException("boom");
		}, false);
		Health health = indicator.health(true);
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails().get("error").toString()).contains("boom");
	}

	@Test
	void reportsTheFailureStatusWhenNoThreadIsFree() {
		ThreadPoolExecutor tiny = new ThreadPoolExecutor(0, 1, 1, TimeUnit.SECONDS, new SynchronousQueue<>());
		try {
			new TimeBoundHealthIndicator("first", this::hang, TIMEOUT, true, tiny).health(true);
			Health health = new TimeBoundHealthIndicator("second", this::hang, TIMEOUT, false, tiny).health(true);
			assertThat(health.getStatus()).isEqualTo(HealthStatuses.DEGRADED);
			assertThat(health.getDetails().get("error").toString()).contains("no thread free");
		}
		finally {
			tiny.shutdownNow();
		}
	}

	private Health hang() {
		this.calls.incrementAndGet();
		try {
			this.release.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return Health.up().build();
	}

	private TimeBoundHealthIndicator bound(HealthIndicator indicator, boolean critical) {
		return new TimeBoundHealthIndicator("test", indicator, TIMEOUT, critical, this.executor);
	}

}
