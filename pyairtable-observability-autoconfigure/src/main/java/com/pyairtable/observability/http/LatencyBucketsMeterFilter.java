package com.pyairtable.observability.http;

import java.time.Duration;
import java.util.List;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;

/**
 * Gives one timer histogram buckets at the SLO boundaries. Registered ahead of Boot's
 * {@code PropertiesMeterFilter}, so that {@code management.metrics.distribution.slo.*}
 * set by the user still wins. Matches the timer's exact name: its {@code <name>.active}
 * long-task timer keeps its plain form.
 */
public class LatencyBucketsMeterFilter implements MeterFilter {

	/** Bean order: before Boot's {@code PropertiesMeterFilter} (order 0). */
	public static final int ORDER = -10;

	private final String meterName;

	private final double[] boundariesNanos;

	/**
	 * Creates a filter for the named timer.
	 * @param meterName the timer's name, such as {@code http.server.requests}
	 * @param boundaries the bucket boundaries, ascending
	 */
	public LatencyBucketsMeterFilter(String meterName, List<Duration> boundaries) {
		this.meterName = meterName;
		this.boundariesNanos = boundaries.stream().mapToDouble(Duration::toNanos).toArray();
	}

	@Override
	public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
		if (id.getType() != Meter.Type.TIMER || !id.getName().equals(this.meterName)) {
			return config;
		}
		return DistributionStatisticConfig.builder().serviceLevelObjectives(this.boundariesNanos).build().merge(config);
	}

}
