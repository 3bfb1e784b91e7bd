package com.pyairtable.observability.tracing;

import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Wraps a span exporter: counts the spans of failed exports as {@code export_failed},
 * logs at most one warning per interval about it (the SDK's own per-batch logging is
 * silenced by default), and never lets an exception escape.
 */
public class ExportMonitoringSpanExporter implements SpanExporter {

	private static final Log logger = LogFactory.getLog(ExportMonitoringSpanExporter.class);

	private final SpanExporter delegate;

	private final TracingMetrics metrics;

	private final long warningIntervalNanos;

	private final LongSupplier nanoTime;

	private final AtomicLong lastWarning;

	/**
	 * Wraps an exporter.
	 * @param delegate the exporter
	 * @param metrics where failures are counted
	 * @param warningInterval least time between two warnings
	 * @param nanoTime the clock
	 */
	public ExportMonitoringSpanExporter(SpanExporter delegate, TracingMetrics metrics, Duration warningInterval,
			LongSupplier nanoTime) {
		this.delegate = delegate;
		this.metrics = metrics;
		this.warningIntervalNanos = warningInterval.toNanos();
		this.nanoTime = nanoTime;
		this.lastWarning = new AtomicLong(nanoTime.getAsLong() - this.warningIntervalNanos - 1);
	}

	@Override
	public CompletableResultCode export(Collection<SpanData> spans) {
		int count = spans.size();
		CompletableResultCode result;
		try {
			result = this.delegate.export(spans);
		}
		catch (RuntimeException ex) {
			failed(count, ex.toString());
			return CompletableResultCode.ofFailure();
		}
		result.whenComplete(() -> {
			if (!result.isSuccess()) {
				Throwable failure = result.getFailureThrowable();
				failed(count, (failure != null) ? failure.toString() : "no detail");
			}
		});
		return result;
	}

	private void failed(int count, String detail) {
		this.metrics.dropped(TracingMetricNames.EXPORT_FAILED, count);
		long now = this.nanoTime.getAsLong();
		long last = this.lastWarning.get();
		if (now - last > this.warningIntervalNanos && this.lastWarning.compareAndSet(last, now)) {
			logger.warn("Span export failed (" + detail + "); spans are dropped and counted in "
					+ "tracing_spans_dropped_total{reason=\"export_failed\"}. Next warning in at most "
					+ Duration.ofNanos(this.warningIntervalNanos).toSeconds() + "s.");
		}
	}

	/**
	 * The wrapped exporter.
	 * @return the delegate
	 */
	public SpanExporter getDelegate() {
		return this.delegate;
	}

	@Override
	public CompletableResultCode flush() {
		return this.delegate.flush();
	}

	@Override
	public CompletableResultCode shutdown() {
		return this.delegate.shutdown();
	}

	@Override
	public String toString() {
		return "ExportMonitoringSpanExporter{" + this.delegate + "}";
	}

}
