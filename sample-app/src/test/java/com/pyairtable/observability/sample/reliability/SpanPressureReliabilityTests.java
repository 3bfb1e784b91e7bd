package com.pyairtable.observability.sample.reliability;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.pyairtable.observability.testsupport.Figures;
import com.pyairtable.observability.testsupport.OtlpCollector;
import com.pyairtable.observability.testsupport.OtlpCollector.Mode;
import com.pyairtable.observability.tracing.TailSamplingSpanProcessor;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Scenarios 4 and 5: more spans than the pipeline holds, and a tail buffer asked to hold
 * more than its bound.
 */
@Tag("reliability")
class SpanPressureReliabilityTests {

	private static final long MB = 1024 * 1024;

	@Test
	void burstOfTenThousandSpansInASecondIsBoundedAndEveryLostSpanCounted() throws Exception {
		try (OtlpCollector collector = new OtlpCollector()) {
			collector.mode(Mode.ANSWER);
			// A collector slower than the burst, 1 s an export: the default queue fills,
			// whatever
			// its size (Spring Boot's 2048 or a larger default of the starter).
			collector.answerDelay(Duration.ofSeconds(1));
			Map<String, Object> properties = CollectorFaultsReliabilityTests.exportingTo(collector);
			properties.remove("management.opentelemetry.tracing.export.schedule-delay");
			try (SampleInstance app = SampleInstance.start(properties)) {
				Tracer tracer = app.bean(OpenTelemetry.class).getTracer("reliability-burst");
				long heapBefore = SampleInstance.heapAfterGc();
				int threads = 4;
				int perThread = 2500;
				CountDownLatch done = new CountDownLatch(threads);
				long start = System.nanoTime();
				for (int t = 0; t < threads; t++) {
					int thread = t;
					Thread producer = new Thread(() -> {
						// Paced over one second: span i of this thread starts at
						// i/perThread s.
						for (int i = 0; i < perThread; i++) {
							long due = start + i * (1_000_000_000L / perThread);
							while (System.nanoTime() < due) {
								Thread.onSpinWait();
							}
							Span span = tracer.spanBuilder("burst").setNoParent().startSpan();
							span.setAttribute("burst.thread", thread);
							span.setAttribute("burst.index", i);
							span.end();
						}
						done.countDown();
					});
					producer.start();
				}
				assertThat(done.await(60, TimeUnit.SECONDS)).isTrue();
				long burstMillis = (System.nanoTime() - start) / 1_000_000;
				long heapAfterBurst = SampleInstance.heapAfterGc();
				// Every span is either received or counted as dropped, once the queue has
				// drained.
				await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> {
					String scrape = app.scrape();
					double dropped = Scrape.sum(scrape, "tracing_spans_dropped_total", "reason=\"queue_full\"")
							+ Scrape.sum(scrape, "tracing_spans_dropped_total", "reason=\"export_failed\"");
					return collector.receivedSpanCount() + (long) dropped >= 10_000;
				});
				String scrape = app.scrape();
				double queueFull = Scrape.sum(scrape, "tracing_spans_dropped_total", "reason=\"queue_full\"");
				double exportFailed = Scrape.sum(scrape, "tracing_spans_dropped_total", "reason=\"export_failed\"");
				long received = collector.spans().stream().filter((span) -> span.name().equals("burst")).count();

				String s = "s4-span-burst";
				Figures.record(s, "queue_size",
						app.context()
							.getEnvironment()
							.getProperty("management.opentelemetry.tracing.export.max-queue-size", "2048"));
				Figures.record(s, "spans_started", 10_000 + " in " + burstMillis + "ms");
				Figures.record(s, "spans_received", received);
				Figures.record(s, "spans_dropped_queue_full", (long) queueFull);
				Figures.record(s, "spans_dropped_export_failed", (long) exportFailed);
				Figures.record(s, "heap_after_gc_delta", Figures.mb(heapAfterBurst - heapBefore));
				assertThat(queueFull).isPositive();
				// Every burst span is received or counted; the count may also hold a few
				// spans of the
				// service's own background work (its health check of its fake Airtable
				// API every 5 s)
				// dropped in the same window.
				assertThat(received + (long) queueFull + (long) exportFailed).isBetween(10_000L, 10_050L);
				assertThat(heapAfterBurst - heapBefore).isLessThan(20 * MB);
			}
		}
	}

	@Test
	void tailBufferStaysWithinItsBoundAndEveryErrorRequestArrives() throws Exception {
		int maxSpans = 256;
		try (OtlpCollector collector = new OtlpCollector()) {
			collector.mode(Mode.ANSWER);
			Map<String, Object> properties = CollectorFaultsReliabilityTests.exportingTo(collector);
			properties.put("pyairtable.observability.tracing.sampling.ratio", 0.0);
			properties.put("pyairtable.observability.tracing.sampling.tail.max-spans", maxSpans);
			properties.put("pyairtable.observability.tracing.sampling.tail.max-age", "5s");
			try (SampleInstance app = SampleInstance.start(properties)) {
				TailSamplingSpanProcessor tail = app.bean(TailSamplingSpanProcessor.class);
				Tracer tracer = app.bean(OpenTelemetry.class).getTracer("reliability-tail");
				AtomicBoolean running = new AtomicBoolean(true);
				AtomicInteger maxBuffered = new AtomicInteger();
				Thread sampler = new Thread(() -> {
					while (running.get()) {
						maxBuffered.accumulateAndGet(tail.getBufferedSpans(), Math::max);
						Thread.onSpinWait();
					}
				});
				sampler.setDaemon(true);
				sampler.start();
				// Undecided work: roots that stay open longer than max-age, each with 50
				// ended children.
				List<Span> openRoots = new ArrayList<>();
				for (int root = 0; root < 40; root++) {
					Span span = tracer.spanBuilder("undecided-root").setNoParent().startSpan();
					Context context = Context.root().with(span);
					for (int child = 0; child < 50; child++) {
						tracer.spanBuilder("undecided-child").setParent(context).startSpan().end();
					}
					openRoots.add(span);
				}
				// Meanwhile, failing requests: head-dropped at ratio 0, each must be kept
				// by the tail.
				Load.Result load = Load.steady(Duration.ofSeconds(6), 10,
						(n) -> HttpRequest
							.newBuilder(app.uri((n % 6 == 0) ? "/api/diagnostics/fail" : "/api/records/sync"))
							.method((n % 6 == 0) ? "GET" : "POST", HttpRequest.BodyPublishers.noBody())
							.timeout(Duration.ofSeconds(30))
							.build());
				int sentErrors = (int) Math.ceil(load.count() / 6.0);
				openRoots.forEach(Span::end);
				await().atMost(Duration.ofSeconds(30)).until(() -> errorRoots(collector) >= sentErrors);
				running.set(false);
				sampler.join();
				double overflow = Scrape.sum(app.scrape(), "tracing_spans_dropped_total", "reason=\"tail_overflow\"");

				String s = "s5-tail-buffer";
				Figures.record(s, "max_spans_configured", maxSpans);
				Figures.record(s, "max_buffered_observed", maxBuffered.get());
				Figures.record(s, "spans_dropped_tail_overflow", (long) overflow);
				Figures.record(s, "error_requests_sent", sentErrors);
				Figures.record(s, "error_requests_received", errorRoots(collector));
				assertThat(maxBuffered.get()).isLessThanOrEqualTo(maxSpans);
				assertThat(overflow).isPositive();
				assertThat(errorRoots(collector)).isEqualTo(sentErrors);
			}
		}
	}

	private static long errorRoots(OtlpCollector collector) {
		return collector.spans()
			.stream()
			.filter((span) -> "/api/diagnostics/fail".equals(span.uri()))
			.filter((span) -> "error".equals(span.attributes().get("sampling.reason")))
			.count();
	}

}
