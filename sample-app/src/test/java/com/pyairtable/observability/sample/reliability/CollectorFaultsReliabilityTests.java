package com.pyairtable.observability.sample.reliability;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import com.pyairtable.observability.testsupport.Figures;
import com.pyairtable.observability.testsupport.OtlpCollector;
import com.pyairtable.observability.testsupport.OtlpCollector.Mode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Scenarios 1 to 3: the collector down, a black hole, flapping. Telemetry must never
 * change how the application answers.
 */
@Tag("reliability")
@ExtendWith(OutputCaptureExtension.class)
class CollectorFaultsReliabilityTests {

	static final String WARNING = "Span export failed";

	/** Requests started per second by the client pool. */
	private static final int RATE = 15;

	private static final long MB = 1024 * 1024;

	static Map<String, Object> exportingTo(OtlpCollector collector) {
		Map<String, Object> properties = new HashMap<>();
		properties.put("pyairtable.observability.tracing.export.endpoint", collector.endpoint());
		// Exports every second rather than every five, so that a phase sees many
		// attempts.
		properties.put("management.opentelemetry.tracing.export.schedule-delay", "1s");
		// Every request traced and exported: the most telemetry the scenario can ask for.
		properties.put("pyairtable.observability.tracing.sampling.max-traces-per-second", 0);
		return properties;
	}

	static HttpRequest mixed(SampleInstance app, int n) {
		return (n % 2 == 0) ? HttpRequest.newBuilder(app.uri("/api/records")).timeout(Duration.ofSeconds(30)).build()
				: HttpRequest.newBuilder(app.uri("/api/records/sync"))
					.timeout(Duration.ofSeconds(30))
					.POST(HttpRequest.BodyPublishers.noBody())
					.build();
	}

	static long warnings(CapturedOutput output) {
		return output.getAll().lines().filter((line) -> line.contains(WARNING)).count();
	}

	@Test
	void collectorDownLeavesRequestsUnaffectedAndIsCountedAndWarnedOnceAMinute(CapturedOutput output) {
		try (OtlpCollector collector = new OtlpCollector()) {
			collector.mode(Mode.ANSWER);
			try (SampleInstance app = SampleInstance.start(exportingTo(collector))) {
				Load.steady(Duration.ofSeconds(5), RATE, (n) -> mixed(app, n));
				await().atMost(Duration.ofSeconds(30)).until(() -> collector.receivedSpanCount() > 0);
				long heapBefore = SampleInstance.heapAfterGc();
				long warningsBefore = warnings(output);
				List<Load.Result> down = new ArrayList<>();
				List<Load.Result> healthy = new ArrayList<>();
				long downStart = System.nanoTime();
				// 60 s refused in three windows of 20 s, each followed by 8 s of a
				// healthy
				// receiver: the baseline is measured on the same machine at the same
				// time.
				for (int round = 0; round < 3; round++) {
					collector.mode(Mode.REFUSE);
					down.add(Load.steady(Duration.ofSeconds(20), RATE, (n) -> mixed(app, n)));
					collector.mode(Mode.ANSWER);
					healthy.add(Load.steady(Duration.ofSeconds(8), RATE, (n) -> mixed(app, n)));
				}
				long elapsedSeconds = (System.nanoTime() - downStart) / 1_000_000_000L;
				Load.Result refused = Load.Result.merge(down);
				Load.Result baseline = Load.Result.merge(healthy);
				long heapAfter = SampleInstance.heapAfterGc();
				double dropped = Scrape.sum(app.scrape(), "tracing_spans_dropped_total", "reason=\"export_failed\"");
				long warningLines = warnings(output) - warningsBefore;

				String s = "s1-collector-down";
				Figures.record(s, "requests_refused_phase", refused.count());
				Figures.record(s, "requests_healthy_phase", baseline.count());
				Figures.record(s, "failed_requests", refused.failures() + baseline.failures());
				Figures.record(s, "p50_refused", Figures.millis(refused.p50()));
				Figures.record(s, "p50_healthy", Figures.millis(baseline.p50()));
				Figures.record(s, "p99_refused", Figures.millis(refused.p99()));
				Figures.record(s, "p99_healthy", Figures.millis(baseline.p99()));
				Figures.record(s, "p99_ratio",
						String.format(java.util.Locale.ROOT, "%.2f", refused.p99() / baseline.p99()));
				Figures.record(s, "heap_after_gc_delta", Figures.mb(heapAfter - heapBefore));
				Figures.record(s, "spans_dropped_export_failed", (long) dropped);
				Figures.record(s, "warning_lines", warningLines + " in " + elapsedSeconds + "s");

				assertThat(refused.failures() + baseline.failures()).as("failed requests %s", refused.failureDetails())
					.isZero();
				// 1.5x, with 5 ms of slack for a p99 of a few milliseconds on a shared
				// 2-core machine.
				assertThat(refused.p99())
					.isLessThanOrEqualTo(Math.max(1.5 * baseline.p99(), baseline.p99() + 5_000_000));
				assertThat(heapAfter - heapBefore).isLessThan(20 * MB);
				assertThat(dropped).isPositive();
				assertThat(warningLines).isBetween(1L, 1 + elapsedSeconds / 60);
			}
		}
	}

	@Test
	void blackHoleNeverDelaysRequestsAndExportsAndShutdownAreBoundedByTheTimeout() {
		try (OtlpCollector collector = new OtlpCollector()) {
			collector.mode(Mode.ANSWER);
			Map<String, Object> properties = exportingTo(collector);
			properties.put("pyairtable.observability.tracing.export.timeout", "2s");
			SampleInstance app = SampleInstance.start(properties);
			try {
				Load.steady(Duration.ofSeconds(3), RATE, (n) -> mixed(app, n));
				List<Load.Result> holes = new ArrayList<>();
				List<Load.Result> healthy = new ArrayList<>();
				// Short windows, equal in length, alternating: both see the same
				// background load
				// of a shared machine, and each black-hole window outlasts the 2 s export
				// timeout.
				for (int round = 0; round < 6; round++) {
					collector.mode(Mode.BLACK_HOLE);
					holes.add(Load.steady(Duration.ofSeconds(3), RATE, (n) -> mixed(app, n)));
					collector.mode(Mode.ANSWER);
					healthy.add(Load.steady(Duration.ofSeconds(3), RATE, (n) -> mixed(app, n)));
				}
				// The last window ends in the black hole, so that shutdown has an export
				// to give up on.
				collector.mode(Mode.BLACK_HOLE);
				holes.add(Load.steady(Duration.ofSeconds(3), RATE, (n) -> mixed(app, n)));
				Load.Result hole = Load.Result.merge(holes);
				Load.Result baseline = Load.Result.merge(healthy);
				await().atMost(Duration.ofSeconds(10)).until(() -> !collector.blackHoleHoldMillis().isEmpty());
				List<Long> holds = new ArrayList<>(collector.blackHoleHoldMillis());
				double dropped = Scrape.sum(app.scrape(), "tracing_spans_dropped_total", "reason=\"export_failed\"");
				long shutdownMillis = app.closeTimed();

				String s = "s2-collector-black-hole";
				Figures.record(s, "requests", hole.count() + baseline.count());
				Figures.record(s, "failed_requests", hole.failures() + baseline.failures());
				Figures.record(s, "p99_black_hole", Figures.millis(hole.p99()));
				Figures.record(s, "p99_healthy", Figures.millis(baseline.p99()));
				Figures.record(s, "p99_ratio",
						String.format(java.util.Locale.ROOT, "%.2f", hole.p99() / baseline.p99()));
				Figures.record(s, "slowest_request_black_hole", Figures.millis(hole.latencies().get(hole.count() - 1)));
				Figures.record(s, "export_attempts_held", holds.size());
				Figures.record(s, "longest_export_attempt",
						holds.stream().mapToLong(Long::longValue).max().orElse(-1) + "ms (timeout 2000ms)");
				Figures.record(s, "spans_dropped_export_failed", (long) dropped);
				Figures.record(s, "shutdown", shutdownMillis + "ms (bound 7000ms)");

				assertThat(hole.failures() + baseline.failures()).as("%s", hole.failureDetails()).isZero();
				// No request waited on an export: none comes near the 2 s export timeout.
				assertThat(hole.latencies().get(hole.count() - 1)).isLessThan(1_000_000_000L);
				// The p99 of ~300 requests is their third slowest: on a shared 2-core
				// machine it moves
				// by tens of milliseconds from window to window, hence 75 ms of slack
				// over 1.5x.
				assertThat(hole.p99()).isLessThanOrEqualTo(1.5 * baseline.p99() + 75_000_000);
				assertThat(holds).allSatisfy((held) -> assertThat(held).isLessThanOrEqualTo(2000 + 1000));
				assertThat(dropped).isPositive();
				assertThat(shutdownMillis).isLessThanOrEqualTo(2000 + 5000);
			}
			finally {
				app.close();
			}
		}
	}

	@Test
	void flappingCollectorGetsSpansAfterRecoveryAndA400IsOneAttemptAndOneWarning(CapturedOutput output) {
		try (OtlpCollector collector = new OtlpCollector()) {
			collector.mode(Mode.ANSWER);
			try (SampleInstance app = SampleInstance.start(exportingTo(collector))) {
				// 503 three times, then 200: the exporter's retries deliver the same
				// spans.
				collector.schedule(503, 503, 503);
				String recovered = tracedRequest(app);
				await().atMost(Duration.ofSeconds(30))
					.until(() -> collector.spans().stream().anyMatch((span) -> span.traceId().equals(recovered)));
				List<Integer> answered = collector.answered();
				assertThat(answered.subList(0, 4)).containsExactly(503, 503, 503, 200);
				double droppedAfterRetries = Scrape.sum(app.scrape(), "tracing_spans_dropped_total",
						"reason=\"export_failed\"");
				assertThat(droppedAfterRetries).isZero();

				// 400: not retried, one warning, nothing thrown, the request answered.
				await().atMost(Duration.ofSeconds(10)).pollDelay(Duration.ofMillis(1500)).until(() -> true);
				collector.clear();
				long warningsBefore = warnings(output);
				collector.schedule(400);
				String rejected = tracedRequest(app);
				await().atMost(Duration.ofSeconds(30))
					.until(() -> Scrape.sum(app.scrape(), "tracing_spans_dropped_total",
							"reason=\"export_failed\"") > 0);
				// Later batches are answered 200; the rejected one must never come back.
				String after = tracedRequest(app);
				await().atMost(Duration.ofSeconds(30))
					.until(() -> collector.spans().stream().anyMatch((span) -> span.traceId().equals(after)));
				long fourHundreds = collector.answered().stream().filter((status) -> status == 400).count();
				boolean rejectedResent = collector.spans().stream().anyMatch((span) -> span.traceId().equals(rejected));
				long warningLines = warnings(output) - warningsBefore;

				String s = "s3-collector-flapping";
				Figures.record(s, "answers_until_recovery", answered.subList(0, 4));
				Figures.record(s, "spans_dropped_after_503x3", (long) droppedAfterRetries);
				Figures.record(s, "attempts_answered_400", fourHundreds);
				Figures.record(s, "rejected_batch_resent", rejectedResent);
				Figures.record(s, "warning_lines_after_400", warningLines);
				assertThat(fourHundreds).isOne();
				assertThat(rejectedResent).isFalse();
				assertThat(warningLines).isOne();
				assertThat(output.getAll()).doesNotContain("\tat io.opentelemetry");
			}
		}
	}

	/** A request carrying a sampled trace context of its own; returns the trace id. */
	static String tracedRequest(SampleInstance app) {
		byte[] id = new byte[16];
		ThreadLocalRandom.current().nextBytes(id);
		String traceId = HexFormat.of().formatHex(id);
		HttpRequest request = HttpRequest.newBuilder(app.uri("/api/records"))
			.header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
			.timeout(Duration.ofSeconds(30))
			.build();
		assertThat(SampleInstance.send(request).statusCode()).isEqualTo(200);
		return traceId;
	}

}
