package com.pyairtable.observability.autoconfigure.cache;

import com.pyairtable.observability.autoconfigure.cardinality.CardinalityObservabilityAutoConfiguration;
import com.pyairtable.observability.autoconfigure.core.ConditionalOnObservabilityEnabled;
import com.pyairtable.observability.cache.CacheManagerInstrumenter;
import com.pyairtable.observability.cache.CacheMetrics;
import com.pyairtable.observability.cache.InstrumentedCacheMeterBinderProvider;
import com.pyairtable.observability.cardinality.CardinalityGuard;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.cache.autoconfigure.metrics.CacheMetricsAutoConfiguration;
import org.springframework.boot.cache.metrics.CacheMeterBinderProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cache.CacheManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Cache operation metrics for every cache of every {@link CacheManager} bean, beside
 * Spring Boot's own cache metrics.
 */
@AutoConfiguration(after = CardinalityObservabilityAutoConfiguration.class,
		beforeName = { "org.springframework.boot.cache.autoconfigure.metrics.CacheMetricsAutoConfiguration" })
@ConditionalOnClass({ MeterRegistry.class, CacheManager.class })
@ConditionalOnBean(CardinalityGuard.class)
@ConditionalOnObservabilityEnabled("metrics.cache")
@EnableConfigurationProperties(CacheOperationMetricsProperties.class)
public final class CacheObservabilityAutoConfiguration {

	CacheObservabilityAutoConfiguration() {
	}

	@Bean
	@ConditionalOnMissingBean
	CacheMetrics cacheMetrics(CardinalityGuard guard) {
		return new CacheMetrics(guard);
	}

	@Bean
	@ConditionalOnMissingBean
	static CacheManagerInstrumenter cacheManagerInstrumenter(ObjectProvider<CacheMetrics> metrics) {
		return new CacheManagerInstrumenter(metrics::getObject);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ CacheMeterBinderProvider.class, CacheMetricsAutoConfiguration.class })
	static class BootCacheMetricsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		InstrumentedCacheMeterBinderProvider instrumentedCacheMeterBinderProvider(
				ObjectProvider<CacheMeterBinderProvider<?>> providers) {
			return new InstrumentedCacheMeterBinderProvider(providers::orderedStream);
		}

	}

}
