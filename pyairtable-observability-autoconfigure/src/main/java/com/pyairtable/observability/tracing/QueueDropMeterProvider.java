package com.pyairtable.observability.tracing;

import java.util.function.Consumer;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleCounterBuilder;
import io.opentelemetry.api.metrics.DoubleGaugeBuilder;
import io.opentelemetry.api.metrics.DoubleHistogramBuilder;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.LongCounterBuilder;
import io.opentelemetry.api.metrics.LongUpDownCounterBuilder;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.metrics.MeterBuilder;
import io.opentelemetry.api.metrics.MeterProvider;
import io.opentelemetry.api.metrics.ObservableLongCounter;
import io.opentelemetry.api.metrics.ObservableLongMeasurement;
import io.opentelemetry.context.Context;

/**
 * The smallest OpenTelemetry {@link MeterProvider} that turns the batch span processor's
 * own "spans dropped" counts (legacy {@code processedSpans{dropped=true}} or semantic
 * convention {@code otel.sdk.processor.span.processed{error.type}}) into
 * {@code tracing_spans_dropped_total{reason="queue_full"}}. Every other instrument is a
 * no-op. Spring Boot hands a {@code MeterProvider} bean to its
 * {@code BatchSpanProcessor}.
 */
public class QueueDropMeterProvider implements MeterProvider {

	private static final AttributeKey<Boolean> DROPPED = AttributeKey.booleanKey("dropped");

	private static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");

	private final TracingMetrics metrics;

	/**
	 * Creates the provider.
	 * @param metrics where queue drops are counted
	 */
	public QueueDropMeterProvider(TracingMetrics metrics) {
		this.metrics = metrics;
	}

	@Override
	public MeterBuilder meterBuilder(String instrumentationScopeName) {
		Meter noop = MeterProvider.noop().get(instrumentationScopeName);
		Meter meter = new DropMeter(noop);
		return new MeterBuilder() {

			@Override
			public MeterBuilder setSchemaUrl(String schemaUrl) {
				return this;
			}

			@Override
			public MeterBuilder setInstrumentationVersion(String instrumentationScopeVersion) {
				return this;
			}

			@Override
			public Meter build() {
				return meter;
			}

		};
	}

	void record(long value, Attributes attributes) {
		if (Boolean.TRUE.equals(attributes.get(DROPPED)) || attributes.get(ERROR_TYPE) != null) {
			this.metrics.dropped(TracingMetricNames.QUEUE_FULL, value);
		}
	}

	private final class DropMeter implements Meter {

		private final Meter noop;

		private DropMeter(Meter noop) {
			this.noop = noop;
		}

		@Override
		public LongCounterBuilder counterBuilder(String name) {
			LongCounterBuilder delegate = this.noop.counterBuilder(name);
			return new LongCounterBuilder() {

				@Override
				public LongCounterBuilder setDescription(String description) {
					return this;
				}

				@Override
				public LongCounterBuilder setUnit(String unit) {
					return this;
				}

				@Override
				public DoubleCounterBuilder ofDoubles() {
					return delegate.ofDoubles();
				}

				@Override
				public LongCounter build() {
					return new LongCounter() {

						@Override
						public void add(long value) {
						}

						@Override
						public void add(long value, Attributes attributes) {
							record(value, attributes);
						}

						@Override
						public void add(long value, Attributes attributes, Context context) {
							record(value, attributes);
						}

					};
				}

				@Override
				public ObservableLongCounter buildWithCallback(Consumer<ObservableLongMeasurement> callback) {
					return delegate.buildWithCallback(callback);
				}

			};
		}

		@Override
		public LongUpDownCounterBuilder upDownCounterBuilder(String name) {
			return this.noop.upDownCounterBuilder(name);
		}

		@Override
		public DoubleHistogramBuilder histogramBuilder(String name) {
			return this.noop.histogramBuilder(name);
		}

		@Override
		public DoubleGaugeBuilder gaugeBuilder(String name) {
			return this.noop.gaugeBuilder(name);
		}

	}

}
