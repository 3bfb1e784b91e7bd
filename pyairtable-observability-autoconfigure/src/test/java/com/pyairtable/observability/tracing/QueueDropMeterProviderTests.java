package com.pyairtable.observability.tracing;

import java.util.Collection;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class QueueDropMeterProviderTests {

	private final TracingMetrics metrics = new TracingMetrics();

	@Test
	void batchProcessorQueueDropsAreCountedAsQueueFull() {
		CountDownLatch release = new CountDownLatch(1);
		SpanExporter blocked = new SpanExporter() {

			@Override
			public CompletableResultCode export(Collection<SpanData> spans) {
				try {
					release.await(10, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				return CompletableResultCode.ofSuccess();
			}

			@Override
			public CompletableResultCode flush() {
				return CompletableResultCode.ofSuccess();
			}

			@Override
			public CompletableResultCode shutdown() {
				return CompletableResultCode.ofSuccess();
			}

		};
		BatchSpanProcessor processor = BatchSpanProcessor.builder(blocked)
			.setMaxQueueSize(4)
			.setMaxExportBatchSize(1)
			.setMeterProvider(new QueueDropMeterProvider(this.metrics))
			.build();
		try (SdkTracerProvider provider = SdkTracerProvider.builder().addSpanProcessor(processor).build()) {
			Tracer tracer = provider.get("test");
			for (int i = 0; i < 50; i++) {
				tracer.spanBuilder("span-" + i).startSpan().end();
			}
			assertThat(this.metrics.droppedCount(TracingMetricNames.QUEUE_FULL)).isGreaterThanOrEqualTo(40);
			release.countDown();
		}
	}

	@Test
	void onlyDropsAreCounted() {
		QueueDropMeterProvider provider = new QueueDropMeterProvider(this.metrics);
		provider.get("io.opentelemetry.sdk.trace")
			.counterBuilder("processedSpans")
			.build()
			.add(5, Attributes.of(AttributeKey.booleanKey("dropped"), false));
		provider.get("io.opentelemetry.sdk.trace")
			.counterBuilder("otel.sdk.processor.span.processed")
			.build()
			.add(3, Attributes.of(AttributeKey.stringKey("error.type"), "queue_full"));
		assertThat(this.metrics.droppedCount(TracingMetricNames.QUEUE_FULL)).isEqualTo(3);
	}

}
