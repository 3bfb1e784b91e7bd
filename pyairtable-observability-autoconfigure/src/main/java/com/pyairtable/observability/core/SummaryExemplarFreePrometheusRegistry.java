package com.pyairtable.observability.core;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.registry.PrometheusScrapeRequest;
import io.prometheus.metrics.model.snapshots.Exemplars;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.SummarySnapshot;
import io.prometheus.metrics.model.snapshots.SummarySnapshot.SummaryDataPointSnapshot;

/**
 * A {@link PrometheusRegistry} whose scrapes carry no exemplars on summaries. With tracing
 * on, Micrometer samples an exemplar for every timer, and a timer without histogram
 * buckets is exposed as a summary whose {@code _count} line then carries it. OpenMetrics
 * allows exemplars only on counters and histogram buckets, and Prometheus 2.x rejects the
 * whole scrape over one of them ("does not support exemplars"), marking the service down.
 * Histograms and counters keep their exemplars, which are the ones dashboards link to
 * traces.
 */
public class SummaryExemplarFreePrometheusRegistry extends PrometheusRegistry {

	@Override
	public MetricSnapshots scrape() {
		return withoutSummaryExemplars(super.scrape());
	}

	@Override
	public MetricSnapshots scrape(PrometheusScrapeRequest scrapeRequest) {
		return withoutSummaryExemplars(super.scrape(scrapeRequest));
	}

	@Override
	public MetricSnapshots scrape(Predicate<String> includedNames) {
		return withoutSummaryExemplars(super.scrape(includedNames));
	}

	@Override
	public MetricSnapshots scrape(Predicate<String> includedNames, PrometheusScrapeRequest scrapeRequest) {
		return withoutSummaryExemplars(super.scrape(includedNames, scrapeRequest));
	}

	static MetricSnapshots withoutSummaryExemplars(MetricSnapshots snapshots) {
		if (snapshots.stream().noneMatch(SummaryExemplarFreePrometheusRegistry::hasSummaryExemplars)) {
			return snapshots;
		}
		List<MetricSnapshot> cleaned = new ArrayList<>(snapshots.size());
		for (MetricSnapshot snapshot : snapshots) {
			cleaned.add(hasSummaryExemplars(snapshot) ? withoutExemplars((SummarySnapshot) snapshot) : snapshot);
		}
		return new MetricSnapshots(cleaned);
	}

	private static boolean hasSummaryExemplars(MetricSnapshot snapshot) {
		return snapshot instanceof SummarySnapshot summary
				&& summary.getDataPoints().stream().anyMatch((point) -> point.getExemplars().size() > 0);
	}

	private static SummarySnapshot withoutExemplars(SummarySnapshot summary) {
		List<SummaryDataPointSnapshot> points = new ArrayList<>(summary.getDataPoints().size());
		for (SummaryDataPointSnapshot point : summary.getDataPoints()) {
			points.add(new SummaryDataPointSnapshot(point.getCount(), point.getSum(), point.getQuantiles(),
					point.getLabels(), Exemplars.EMPTY, point.getCreatedTimestampMillis(),
					point.getScrapeTimestampMillis()));
		}
		return new SummarySnapshot(summary.getMetadata(), points);
	}

}
