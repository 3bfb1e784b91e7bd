package com.pyairtable.observability.saga;

import java.time.Duration;
import java.util.Map;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import org.jspecify.annotations.Nullable;

/**
 * Gives the meters that Micrometer derives from the saga observations a description (the
 * Prometheus {@code # HELP} line) and, when asked, publishes the saga timers as
 * histograms ({@code saga_duration_seconds_bucket},
 * {@code saga_step_duration_seconds_bucket}).
 */
public class SagaMeterFilter implements MeterFilter {

	private static final String ACTIVE_SUFFIX = ".active";

	private static final Map<String, String> DESCRIPTIONS = Map.of(SagaMetricNames.DURATION, "Duration of sagas",
			SagaMetricNames.STEP_DURATION, "Duration of saga steps", SagaMetricNames.COMPENSATION,
			"Duration of saga compensations", SagaMetricNames.DURATION + ACTIVE_SUFFIX, "Sagas running now",
			SagaMetricNames.STEP_DURATION + ACTIVE_SUFFIX, "Saga steps running now",
			SagaMetricNames.COMPENSATION + ACTIVE_SUFFIX, "Saga compensations running now");

	private final boolean histogram;

	/**
	 * Creates a filter.
	 * @param histogram whether the saga timers are published as histograms
	 */
	public SagaMeterFilter(boolean histogram) {
		this.histogram = histogram;
	}

	@Override
	public Meter.Id map(Meter.Id id) {
		String description = DESCRIPTIONS.get(id.getName());
		if (description != null && id.getDescription() == null) {
			return new Meter.Id(id.getName(), io.micrometer.core.instrument.Tags.of(id.getTagsAsIterable()),
					id.getBaseUnit(), description, id.getType());
		}
		return id;
	}

	@Override
	public @Nullable DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
		if (this.histogram && id.getType() == Meter.Type.TIMER && !id.getName().endsWith(ACTIVE_SUFFIX)
				&& DESCRIPTIONS.containsKey(id.getName())) {
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
