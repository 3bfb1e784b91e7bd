package com.pyairtable.observability.saga;

import java.time.Duration;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import org.jspecify.annotations.Nullable;

/**
 * Publishes the saga observation timers as histograms
 * ({@code saga_duration_seconds_bucket}, {@code saga_step_duration_seconds_bucket}).
 */
public class SagaHistogramMeterFilter implements MeterFilter {

	@Override
	public @Nullable DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
		if (id.getType() == Meter.Type.TIMER && (SagaMetricNames.DURATION.equals(id.getName())
				|| SagaMetricNames.STEP_DURATION.equals(id.getName())
				|| SagaMetricNames.COMPENSATION.equals(id.getName()))) {
			return DistributionStatisticConfig.builder()
				.percentilesHistogram(true)
				.minimumExpectedValue((double) Duration.ofMillis(1).toNanos())
				.maximumExpectedValue((double) Duration.ofMinutes(10).toNanos())
				.build()
				.merge(config);
		}
		return config;
	}

}
