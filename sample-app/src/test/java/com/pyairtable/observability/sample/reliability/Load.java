package com.pyairtable.observability.sample.reliability;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * Requests at a steady rate from a bounded client pool on 127.0.0.1, timed one by one.
 */
final class Load {

	private Load() {
	}

	/**
	 * Sends {@code rate} requests a second for {@code duration}; waits for the last
	 * answers.
	 * @param duration how long requests are started
	 * @param rate requests started per second
	 * @param requests the n-th request
	 * @return latencies and failures
	 */
	static Result steady(Duration duration, int rate, IntFunction<HttpRequest> requests) {
		ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
		AtomicInteger failures = new AtomicInteger();
		AtomicInteger rejected = new AtomicInteger();
		ConcurrentLinkedQueue<String> failureDetails = new ConcurrentLinkedQueue<>();
		AtomicLong sent = new AtomicLong();
		ThreadPoolExecutor pool = new ThreadPoolExecutor(16, 16, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(2000));
		ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
		long periodNanos = 1_000_000_000L / rate;
		ticker.scheduleAtFixedRate(() -> {
			int n = (int) sent.getAndIncrement();
			HttpRequest request = requests.apply(n);
			try {
				pool.execute(() -> {
					long start = System.nanoTime();
					try {
						HttpResponse<String> response = SampleInstance.send(request);
						latencies.add(System.nanoTime() - start);
						// The sample answers 503 by design while its fake Airtable API
						// rate-limits it.
						if (response.statusCode() >= 500 && !response.body().contains("Airtable rate limit")) {
							failures.incrementAndGet();
							failureDetails.add(request.uri() + " " + response.statusCode());
						}
					}
					catch (RuntimeException ex) {
						failures.incrementAndGet();
						failureDetails.add(request.uri() + " " + ex);
					}
				});
			}
			catch (RuntimeException ex) {
				rejected.incrementAndGet();
				failureDetails.add(request.uri() + " not sent: client pool full");
			}
		}, 0, periodNanos, TimeUnit.NANOSECONDS);
		try {
			ticker.awaitTermination(duration.toMillis(), TimeUnit.MILLISECONDS);
			ticker.shutdownNow();
			// A tick still running must hand its request over before the pool stops
			// taking any.
			ticker.awaitTermination(10, TimeUnit.SECONDS);
			pool.shutdown();
			if (!pool.awaitTermination(60, TimeUnit.SECONDS)) {
				pool.shutdownNow();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		List<Long> sorted = new ArrayList<>(latencies);
		Collections.sort(sorted);
		return new Result(sorted, failures.get() + rejected.get(), List.copyOf(failureDetails));
	}

	record Result(List<Long> latencies, int failures, List<String> failureDetails) {

		static Result merge(List<Result> results) {
			List<Long> all = new ArrayList<>();
			int failures = 0;
			List<String> details = new ArrayList<>();
			for (Result result : results) {
				all.addAll(result.latencies);
				failures += result.failures;
				details.addAll(result.failureDetails);
			}
			Collections.sort(all);
			return new Result(all, failures, details);
		}

		int count() {
			return this.latencies.size();
		}

		double percentile(double p) {
			if (this.latencies.isEmpty()) {
				return Double.NaN;
			}
			int index = (int) Math.ceil(p * this.latencies.size()) - 1;
			return this.latencies.get(Math.max(0, Math.min(index, this.latencies.size() - 1)));
		}

		double p99() {
			return percentile(0.99);
		}

		double p50() {
			return percentile(0.50);
		}

	}

}
