package com.pyairtable.observability.tracing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.jspecify.annotations.Nullable;

/**
 * Keeps the local part of head-dropped traces whose local root fails or is slow. Spans of
 * undecided (recorded, unsampled) traces wait in a buffer bounded by span count and age;
 * when the local root ends in error or lasts longer than the slow threshold, the buffered
 * spans and the root are handed, marked as sampled, to the same export processor as head
 * sampled spans; otherwise they are released. When the buffer is full the oldest span is
 * dropped and counted as {@code tail_overflow}.
 */
public class TailSamplingSpanProcessor implements SpanProcessor {

	private static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("outcome");

	private static final AttributeKey<String> STATUS = AttributeKey.stringKey("status");

	private static final AttributeKey<Long> STATUS_CODE = AttributeKey.longKey("http.response.status_code");

	/** How many recently kept traces still accept late spans. */
	private static final int KEPT_TRACES = 1024;

	private final Supplier<@Nullable SpanProcessor> exportSupplier;

	private volatile @Nullable SpanProcessor export;

	private final long slowThresholdNanos;

	private final int maxSpans;

	private final long maxAgeNanos;

	private final TracingMetrics metrics;

	private final LongSupplier nanoTime;

	private final Object lock = new Object();

	/** Per trace, in order of first buffered span, so that the head is the oldest. */
	private final LinkedHashMap<String, TraceBuffer> buffers = new LinkedHashMap<>();

	private final Map<String, Boolean> keptTraces = new LinkedHashMap<>(16, 0.75f, false) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
			return size() > KEPT_TRACES;
		}

	};

	/**
	 * Written under the lock; read without it to skip the lock when nothing is buffered.
	 */
	private volatile int bufferedSpans;

	/**
	 * Creates the processor.
	 * @param export the processor exporting sampled spans (Boot's batch processor),
	 * looked up on first use
	 * @param slowThreshold duration above which a local root is slow
	 * @param maxSpans most spans held at once
	 * @param maxAge longest time a span waits for its local root
	 * @param metrics where decisions and losses are counted
	 * @param nanoTime the clock
	 */
	public TailSamplingSpanProcessor(Supplier<@Nullable SpanProcessor> export, Duration slowThreshold, int maxSpans,
			Duration maxAge, TracingMetrics metrics, LongSupplier nanoTime) {
		this.exportSupplier = export;
		this.slowThresholdNanos = slowThreshold.toNanos();
		this.maxSpans = maxSpans;
		this.maxAgeNanos = maxAge.toNanos();
		this.metrics = metrics;
		this.nanoTime = nanoTime;
	}

	@Override
	public void onStart(Context parentContext, ReadWriteSpan span) {
	}

	@Override
	public boolean isStartRequired() {
		return false;
	}

	@Override
	public boolean isEndRequired() {
		return true;
	}

	@Override
	public void onEnd(ReadableSpan span) {
		try {
			if (span.getSpanContext().isSampled()) {
				return;
			}
			if (isLocalRoot(span)) {
				decide(span);
			}
			else {
				buffer(span);
			}
		}
		catch (RuntimeException ex) {
			// Never throw into the application's thread.
		}
	}

	private static boolean isLocalRoot(ReadableSpan span) {
		SpanContext parent = span.getParentSpanContext();
		return !parent.isValid() || parent.isRemote();
	}

	private void decide(ReadableSpan root) {
		String reason = reason(root);
		if (reason == null && this.bufferedSpans == 0) {
			// The common case, an undecided root with nothing waiting: no lock on the
			// request thread.
			return;
		}
		String traceId = root.getSpanContext().getTraceId();
		List<ReadableSpan> spans;
		synchronized (this.lock) {
			TraceBuffer buffer = this.buffers.remove(traceId);
			spans = (buffer != null) ? buffer.spans : List.of();
			this.bufferedSpans -= spans.size();
			if (reason != null) {
				this.keptTraces.put(traceId, Boolean.TRUE);
			}
		}
		if (reason == null) {
			return;
		}
		this.metrics.decision(true, reason);
		SpanProcessor processor = exportProcessor();
		if (processor == null) {
			return;
		}
		for (ReadableSpan span : spans) {
			processor.onEnd(new KeptSpan(span, null));
		}
		processor.onEnd(new KeptSpan(root, reason));
	}

	private void buffer(ReadableSpan span) {
		String traceId = span.getSpanContext().getTraceId();
		long now = this.nanoTime.getAsLong();
		int overflow = 0;
		synchronized (this.lock) {
			if (this.keptTraces.containsKey(traceId)) {
				// A late span of a trace already kept: export it too.
				overflow = -1;
			}
			else {
				expire(now);
				while (this.bufferedSpans >= this.maxSpans && dropOldest()) {
					overflow++;
				}
				this.buffers.computeIfAbsent(traceId, (id) -> new TraceBuffer(now)).spans.add(span);
				this.bufferedSpans++;
			}
		}
		if (overflow < 0) {
			SpanProcessor processor = exportProcessor();
			if (processor != null) {
				processor.onEnd(new KeptSpan(span, null));
			}
		}
		else {
			this.metrics.dropped(TracingMetricNames.TAIL_OVERFLOW, overflow);
		}
	}

	private @Nullable SpanProcessor exportProcessor() {
		SpanProcessor processor = this.export;
		if (processor == null) {
			processor = this.exportSupplier.get();
			this.export = processor;
		}
		return processor;
	}

	/** Releases the traces whose first span waited longer than the maximum age. */
	private void expire(long now) {
		Iterator<TraceBuffer> iterator = this.buffers.values().iterator();
		while (iterator.hasNext()) {
			TraceBuffer buffer = iterator.next();
			if (now - buffer.firstBufferedAt <= this.maxAgeNanos) {
				return;
			}
			this.bufferedSpans -= buffer.spans.size();
			iterator.remove();
		}
	}

	private boolean dropOldest() {
		Iterator<TraceBuffer> iterator = this.buffers.values().iterator();
		if (!iterator.hasNext()) {
			return false;
		}
		TraceBuffer oldest = iterator.next();
		oldest.spans.remove(0);
		this.bufferedSpans--;
		if (oldest.spans.isEmpty()) {
			iterator.remove();
		}
		return true;
	}

	private @Nullable String reason(ReadableSpan root) {
		SpanData data = root.toSpanData();
		if (data.getStatus().getStatusCode() == StatusCode.ERROR || hasException(data) || isServerError(root)) {
			return TracingMetricNames.REASON_ERROR;
		}
		if (root.getLatencyNanos() > this.slowThresholdNanos) {
			return TracingMetricNames.REASON_SLOW;
		}
		return null;
	}

	private static boolean hasException(SpanData data) {
		for (EventData event : data.getEvents()) {
			if ("exception".equals(event.getName())) {
				return true;
			}
		}
		return false;
	}

	private static boolean isServerError(ReadableSpan root) {
		if ("SERVER_ERROR".equals(root.getAttribute(OUTCOME))) {
			return true;
		}
		Long code = root.getAttribute(STATUS_CODE);
		if (code != null) {
			return code >= 500;
		}
		String status = root.getAttribute(STATUS);
		return status != null && status.length() == 3 && status.charAt(0) == '5';
	}

	/**
	 * The number of spans waiting for their local root, for tests and diagnostics.
	 * @return the count
	 */
	public int getBufferedSpans() {
		synchronized (this.lock) {
			return this.bufferedSpans;
		}
	}

	@Override
	public CompletableResultCode shutdown() {
		synchronized (this.lock) {
			this.buffers.clear();
			this.bufferedSpans = 0;
		}
		return CompletableResultCode.ofSuccess();
	}

	private static final class TraceBuffer {

		private final long firstBufferedAt;

		private final List<ReadableSpan> spans = new ArrayList<>();

		private TraceBuffer(long firstBufferedAt) {
			this.firstBufferedAt = firstBufferedAt;
		}

	}

}
