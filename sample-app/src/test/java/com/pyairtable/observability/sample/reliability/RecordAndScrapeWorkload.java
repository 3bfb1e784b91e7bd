package com.pyairtable.observability.sample.reliability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import com.pyairtable.observability.airtable.AirtableMetrics;
import com.pyairtable.observability.airtable.AirtableOperation;
import com.pyairtable.observability.airtable.AirtableRequest;
import com.pyairtable.observability.cache.CacheMetrics;
import com.pyairtable.observability.llm.LlmMetrics;
import com.pyairtable.observability.mcp.McpDirection;
import com.pyairtable.observability.mcp.McpMetrics;
import com.pyairtable.observability.saga.SagaExecution;
import com.pyairtable.observability.saga.SagaRunner;
import com.pyairtable.observability.testsupport.Figures;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scenario 9: eight threads record through every binder while two scrape, for a minute.
 * Run by {@link DependencyOutageReliabilityTests} during scenario 6's outage, on the same
 * application: both are about correctness, not latency, and sharing the minute keeps the
 * suite within its time budget.
 */
final class RecordAndScrapeWorkload {

	private RecordAndScrapeWorkload() {
	}

	static void runAndCheck(SampleInstance app) throws Exception {
		AirtableMetrics airtable = app.bean(AirtableMetrics.class);
		LlmMetrics llm = app.bean(LlmMetrics.class);
		McpMetrics mcp = app.bean(McpMetrics.class);
		CacheMetrics cache = app.bean(CacheMetrics.class);
		SagaRunner sagas = app.bean(SagaRunner.class);
		CircuitBreaker breaker = app.bean(CircuitBreakerRegistry.class).circuitBreaker("reliability");
		AirtableOperation[] operations = AirtableOperation.values();
		int[] statuses = { 200, 200, 429, 500 };
		Duration length = Duration.ofSeconds(60);
		long end = System.nanoTime() + length.toNanos();
		AtomicLong recorded = new AtomicLong();
		ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
		CountDownLatch done = new CountDownLatch(10);
		for (int t = 0; t < 8; t++) {
			int thread = t;
			new Thread(() -> {
				int i = thread;
				try {
					while (System.nanoTime() < end) {
						airtable.recordCall(
								new AirtableRequest("app" + (i % 5), "tbl" + (i % 3),
										operations[i % operations.length]),
								statuses[i % statuses.length], 1_000_000L + i);
						airtable.recordCacheOperation("get", i % 2 == 0);
						llm.recordCall("gemini", "gemini-2.5-flash", "chat", (i % 7 == 0) ? "error" : "success", 120,
								40, Duration.ofMillis(5));
						mcp.recordToolExecution("tool" + (i % 4), "success", Duration.ofMillis(1));
						mcp.recordMessage(McpDirection.INBOUND, "request");
						cache.record("records", "get", (i % 3 == 0) ? "miss" : "hit", 10_000);
						breaker.executeRunnable(() -> {
						});
						if (i % 20 == 0) {
							try (SagaExecution saga = sagas.begin("order")) {
								saga.step("reserve", () -> {
								}, null);
								saga.complete();
							}
						}
						recorded.incrementAndGet();
						i += 8;
						// About a thousand rounds a second per thread: busy, without
						// starving the scrapers.
						LockSupport.parkNanos(1_000_000);
					}
				}
				catch (Exception ex) {
					errors.add("recorder: " + ex);
				}
				finally {
					done.countDown();
				}
			}, "recorder-" + t).start();
		}
		AtomicInteger scrapes = new AtomicInteger();
		AtomicInteger decreases = new AtomicInteger();
		AtomicInteger comparedSeries = new AtomicInteger();
		List<String> decreaseExamples = java.util.Collections.synchronizedList(new ArrayList<>());
		for (int s = 0; s < 2; s++) {
			new Thread(() -> {
				Map<String, Double> previous = null;
				try {
					while (System.nanoTime() < end) {
						String scrape = app.scrape();
						scrapes.incrementAndGet();
						Map<String, Double> samples = Scrape.samples(scrape);
						Set<String> families = Scrape.monotonicFamilies(scrape);
						if (previous != null) {
							for (Map.Entry<String, Double> sample : samples.entrySet()) {
								if (!monotonic(sample.getKey(), families)) {
									continue;
								}
								Double before = previous.get(sample.getKey());
								if (before != null) {
									comparedSeries.incrementAndGet();
									if (sample.getValue() < before) {
										decreases.incrementAndGet();
										if (decreaseExamples.size() < 5) {
											decreaseExamples
												.add(sample.getKey() + " " + before + " -> " + sample.getValue());
										}
									}
								}
							}
						}
						previous = samples;
					}
				}
				catch (RuntimeException ex) {
					errors.add("scraper: " + ex);
				}
				finally {
					done.countDown();
				}
			}, "scraper-" + s).start();
		}
		assertThat(done.await(length.toSeconds() + 60, TimeUnit.SECONDS)).isTrue();
		// Spring Boot's own meters go through the same registry; they record all
		// along.

		String s = "s9-record-and-scrape";
		Figures.record(s, "recording_rounds", recorded.get() + " by 8 threads in " + length.toSeconds() + "s");
		Figures.record(s, "scrapes", scrapes.get() + " by 2 threads");
		Figures.record(s, "errors", errors.size());
		Figures.record(s, "monotonic_series_compared", comparedSeries.get());
		Figures.record(s, "decreases", decreases.get() + " " + decreaseExamples);
		assertThat(errors).isEmpty();
		assertThat(decreases.get()).as("%s", decreaseExamples).isZero();
		assertThat(scrapes.get()).isGreaterThan(20);
	}

	/** Counters, and the buckets, counts and sums of histograms and summaries. */
	private static boolean monotonic(String series, Set<String> families) {
		int brace = series.indexOf('{');
		String name = (brace >= 0) ? series.substring(0, brace) : series;
		// Client-side quantiles of a summary move both ways; creation times are not
		// counts.
		// Long task timers (..._active_seconds) count tasks running now: they go down by
		// design.
		if (name.endsWith("_created") || series.contains("quantile=\"") || name.contains("_active_seconds")) {
			return false;
		}
		for (String suffix : new String[] { "", "_total", "_count", "_sum", "_bucket" }) {
			if (name.endsWith(suffix) && families.contains(name.substring(0, name.length() - suffix.length()))) {
				return true;
			}
		}
		return false;
	}

}
