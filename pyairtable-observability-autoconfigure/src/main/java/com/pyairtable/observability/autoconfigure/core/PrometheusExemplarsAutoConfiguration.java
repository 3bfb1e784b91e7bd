package com.pyairtable.observability.autoconfigure.core;

import com.pyairtable.observability.core.SummaryExemplarFreePrometheusRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.prometheus.PrometheusMetricsExportAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Keeps the Prometheus scrape readable by every Prometheus 2.x once tracing adds
 * exemplars: see {@link SummaryExemplarFreePrometheusRegistry}.
 */
@AutoConfiguration(before = PrometheusMetricsExportAutoConfiguration.class)
@ConditionalOnObservabilityEnabled
@ConditionalOnClass({ PrometheusRegistry.class, PrometheusMeterRegistry.class })
@ConditionalOnBooleanProperty(name = ObservabilityProperties.PREFIX + ".metrics.prometheus.summary-exemplars",
		havingValue = false, matchIfMissing = true)
public final class PrometheusExemplarsAutoConfiguration {

	PrometheusExemplarsAutoConfiguration() {
	}

	@Bean
	@ConditionalOnMissingBean
	PrometheusRegistry prometheusRegistry() {
		return new SummaryExemplarFreePrometheusRegistry();
	}

}
