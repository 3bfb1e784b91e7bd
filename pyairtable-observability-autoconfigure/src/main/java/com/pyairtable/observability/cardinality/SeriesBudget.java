package com.pyairtable.observability.cardinality;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Measurement;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import io.micrometer.core.instrument.distribution.HistogramSupport;

/**
 * The series budget of one metric name: measures the series its meters expose in each
 * registry (as a Prometheus scrape writes them) and decides whether one more tag value
 * still fits. Admissions of all tags of the metric are serialised on this object; they
 * are rare (a new value), the warm path never gets here.
 */
final class SeriesBudget {

	private final String metric;

	/**
	 * Set when an admission did not fit; cleared by each sweep, so one scan decides for
	 * many values.
	 */
	volatile boolean full;

	/** Set when a value of the metric was folded; cleared by each sweep. */
	volatile boolean pressed;

	SeriesBudget(String metric) {
		this.metric = metric;
	}

	/**
	 * Whether a new value of a tag fits. A value whose meters already exist always fits
	 * (it adds nothing). Otherwise the cost of a value is learned from the values present
	 * (their series divided by their number), counted once more for each value admitted
	 * whose meters are not registered yet; room is kept for {@code other} beside each
	 * combination of the metric's other tags it does not have yet, so that the fold
	 * itself stays within the budget. The first value of a tag always fits: there is
	 * nothing to learn its cost from.
	 */
	boolean fits(List<MeterRegistry> registries, String key, String value, Set<String> admitted, int budget) {
		Scan scan = scan(registries, key);
		if (scan.values.contains(value)) {
			return true;
		}
		int pending = 0;
		for (String candidate : admitted) {
			if (!scan.values.contains(candidate)) {
				pending++;
			}
		}
		if (scan.values.isEmpty()) {
			return true;
		}
		int perValue = (scan.series + scan.values.size() - 1) / scan.values.size();
		int perMeter = (scan.series + scan.meters - 1) / scan.meters;
		long other = (long) (scan.rests.size() - scan.restsWithOther.size()) * perMeter;
		return (long) scan.series + (long) (pending + 1) * perValue + other <= budget;
	}

	/**
	 * The values of a tag whose meters must stay: meters a binder registers once (gauges,
	 * function meters, long task timers) would not come back after a removal.
	 */
	Set<String> pinnedValues(List<MeterRegistry> registries, String key) {
		Set<String> pinned = new HashSet<>();
		for (MeterRegistry registry : registries) {
			for (Meter meter : registry.find(this.metric).meters()) {
				String value = meter.getId().getTag(key);
				if (value != null && !recreatedOnUse(meter)) {
					pinned.add(value);
				}
			}
		}
		return pinned;
	}

	/**
	 * Removes the meters of released values.
	 * @return the number of meters removed
	 */
	int remove(List<MeterRegistry> registries, String key, Set<String> values) {
		int removed = 0;
		for (MeterRegistry registry : registries) {
			for (Meter meter : registry.find(this.metric).meters()) {
				String value = meter.getId().getTag(key);
				if (value != null && values.contains(value) && registry.remove(meter) != null) {
					removed++;
				}
			}
		}
		return removed;
	}

	/**
	 * Counters, timers and summaries: binders get them through a builder on each
	 * recording.
	 */
	private static boolean recreatedOnUse(Meter meter) {
		return meter instanceof Counter || meter instanceof Timer || meter instanceof DistributionSummary;
	}

	/**
	 * The registry that exposes the most series of the metric; composites are looked
	 * through.
	 */
	private Scan scan(List<MeterRegistry> registries, String key) {
		Scan widest = new Scan();
		for (MeterRegistry registry : registries) {
			widest = widest(registry, key, widest);
		}
		return widest;
	}

	private Scan widest(MeterRegistry registry, String key, Scan widest) {
		if (registry instanceof CompositeMeterRegistry composite && !composite.getRegistries().isEmpty()) {
			for (MeterRegistry child : composite.getRegistries()) {
				widest = widest(child, key, widest);
			}
			return widest;
		}
		Scan scan = new Scan();
		for (Meter meter : registry.find(this.metric).meters()) {
			scan.series += series(meter);
			scan.meters++;
			String value = meter.getId().getTag(key);
			if (value != null) {
				scan.values.add(value);
				List<Tag> rest = new ArrayList<>();
				for (Tag tag : meter.getId().getTagsAsIterable()) {
					if (!tag.getKey().equals(key)) {
						rest.add(tag);
					}
				}
				scan.rests.add(rest);
				if (CardinalityMetricNames.OTHER.equals(value)) {
					scan.restsWithOther.add(rest);
				}
			}
		}
		return (scan.series > widest.series) ? scan : widest;
	}

	/**
	 * The series a meter exposes in a Prometheus scrape, from its effective distribution
	 * configuration: a histogram writes one {@code _bucket} per bucket plus {@code +Inf},
	 * a summary one sample per percentile, both {@code _count} and {@code _sum}, and a
	 * {@code _max} gauge; other meters one series per measurement.
	 */
	static int series(Meter meter) {
		if (meter instanceof HistogramSupport histogram) {
			HistogramSnapshot snapshot = histogram.takeSnapshot();
			CountAtBucket[] buckets = snapshot.histogramCounts();
			int distribution;
			if (buckets.length > 0) {
				distribution = buckets.length + (Double.isFinite(buckets[buckets.length - 1].bucket()) ? 1 : 0);
			}
			else {
				distribution = snapshot.percentileValues().length;
			}
			return distribution + 3;
		}
		int series = 0;
		for (Measurement ignored : meter.measure()) {
			series++;
		}
		return Math.max(series, 1);
	}

	private static final class Scan {

		private int series;

		private int meters;

		/** The combinations of the other tags. */
		private final Set<List<Tag>> rests = new HashSet<>();

		/** The combinations of the other tags that {@code other} has already. */
		private final Set<List<Tag>> restsWithOther = new HashSet<>();

		private final Set<String> values = new HashSet<>();

	}

}
