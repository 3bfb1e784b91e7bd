package com.pyairtable.observability.autoconfigure.tracing;

import java.util.Collection;
import java.util.function.Supplier;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.jspecify.annotations.Nullable;

/**
 * A span exporter bean resolved on its first use rather than when the export pipeline is
 * built, so that the exporter (for Boot's OTLP exporter, the JDK {@code HttpClient} and
 * its TLS set-up) can be created off the startup path. A bean that cannot be resolved
 * fails the export; it never throws.
 */
final class DeferredSpanExporter implements SpanExporter {

	private final String beanName;

	private final Supplier<SpanExporter> resolver;

	private volatile @Nullable SpanExporter delegate;

	DeferredSpanExporter(String beanName, Supplier<SpanExporter> resolver) {
		this.beanName = beanName;
		this.resolver = resolver;
	}

	@Override
	public CompletableResultCode export(Collection<SpanData> spans) {
		SpanExporter exporter = resolve();
		return (exporter != null) ? exporter.export(spans) : CompletableResultCode.ofFailure();
	}

	@Override
	public CompletableResultCode flush() {
		SpanExporter exporter = resolve();
		return (exporter != null) ? exporter.flush() : CompletableResultCode.ofSuccess();
	}

	/** Shuts down the exporter when it was created; never creates it to do so. */
	@Override
	public CompletableResultCode shutdown() {
		SpanExporter exporter = this.delegate;
		return (exporter != null) ? exporter.shutdown() : CompletableResultCode.ofSuccess();
	}

	private @Nullable SpanExporter resolve() {
		SpanExporter exporter = this.delegate;
		if (exporter == null) {
			try {
				exporter = this.resolver.get();
				this.delegate = exporter;
			}
			catch (RuntimeException ex) {
				return null;
			}
		}
		return exporter;
	}

	@Override
	public String toString() {
		SpanExporter exporter = this.delegate;
		return (exporter != null) ? exporter.toString() : "DeferredSpanExporter{" + this.beanName + "}";
	}

}
