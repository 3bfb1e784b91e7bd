package com.pyairtable.observability.tracing;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.sdk.common.InstrumentationLibraryInfo;
import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.data.DelegatingSpanData;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.jspecify.annotations.Nullable;

/**
 * A recorded but unsampled span that the tail policy decided to keep: seen as sampled by
 * the export pipeline, and, on the local root, carrying {@code sampling.reason}. An ended
 * span's attributes cannot change, hence the wrapper.
 */
final class KeptSpan implements ReadableSpan {

	/** Attribute naming why a head-dropped trace was kept. */
	static final AttributeKey<String> SAMPLING_REASON = AttributeKey.stringKey("sampling.reason");

	private final ReadableSpan span;

	private final SpanContext spanContext;

	private final @Nullable String reason;

	KeptSpan(ReadableSpan span, @Nullable String reason) {
		this.span = span;
		SpanContext original = span.getSpanContext();
		this.spanContext = SpanContext.create(original.getTraceId(), original.getSpanId(), TraceFlags.getSampled(),
				original.getTraceState());
		this.reason = reason;
	}

	@Override
	public SpanContext getSpanContext() {
		return this.spanContext;
	}

	@Override
	public SpanContext getParentSpanContext() {
		return this.span.getParentSpanContext();
	}

	@Override
	public String getName() {
		return this.span.getName();
	}

	@Override
	public SpanData toSpanData() {
		SpanData data = this.span.toSpanData();
		SpanContext context = this.spanContext;
		String why = this.reason;
		Attributes attributes = (why != null) ? data.getAttributes().toBuilder().put(SAMPLING_REASON, why).build()
				: data.getAttributes();
		int extra = attributes.size() - data.getAttributes().size();
		return new DelegatingSpanData(data) {

			@Override
			public SpanContext getSpanContext() {
				return context;
			}

			@Override
			public Attributes getAttributes() {
				return attributes;
			}

			@Override
			public int getTotalAttributeCount() {
				return super.getTotalAttributeCount() + extra;
			}

		};
	}

	@Override
	@Deprecated
	public InstrumentationLibraryInfo getInstrumentationLibraryInfo() {
		return this.span.getInstrumentationLibraryInfo();
	}

	@Override
	public InstrumentationScopeInfo getInstrumentationScopeInfo() {
		return this.span.getInstrumentationScopeInfo();
	}

	@Override
	public boolean hasEnded() {
		return this.span.hasEnded();
	}

	@Override
	public long getLatencyNanos() {
		return this.span.getLatencyNanos();
	}

	@Override
	public SpanKind getKind() {
		return this.span.getKind();
	}

	@Override
	public <T> @Nullable T getAttribute(AttributeKey<T> key) {
		if (this.reason != null && SAMPLING_REASON.equals(key)) {
			@SuppressWarnings("unchecked")
			T value = (T) this.reason;
			return value;
		}
		return this.span.getAttribute(key);
	}

}
