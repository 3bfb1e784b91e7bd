package com.pyairtable.observability.resilience;

import java.util.List;
import java.util.function.Function;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Binds Resilience4j's own tagged meters ({@code resilience4j_*}) of every registry of
 * one kind present in the context; the tagged meters follow instances added later.
 *
 * @param <R> the Resilience4j registry type
 */
public class ResilienceRegistriesMeterBinder<R> implements MeterBinder {

	private static final Log logger = LogFactory.getLog(ResilienceRegistriesMeterBinder.class);

	private final List<R> registries;

	private final Function<R, MeterBinder> taggedMetrics;

	/**
	 * Creates a binder.
	 * @param registries the registries
	 * @param taggedMetrics the Resilience4j tagged metrics of one registry, such as
	 * {@code TaggedRetryMetrics::ofRetryRegistry}
	 */
	public ResilienceRegistriesMeterBinder(List<R> registries, Function<R, MeterBinder> taggedMetrics) {
		this.registries = List.copyOf(registries);
		this.taggedMetrics = taggedMetrics;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		for (R resilienceRegistry : this.registries) {
			try {
				this.taggedMetrics.apply(resilienceRegistry).bindTo(registry);
			}
			catch (RuntimeException ex) {
				logger.debug("Could not bind Resilience4j metrics", ex);
			}
		}
	}

}
