package com.pyairtable.observability.autoconfigure.cache;

import java.util.concurrent.atomic.AtomicInteger;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.pyairtable.observability.autoconfigure.cardinality.CardinalityObservabilityAutoConfiguration;
import com.pyairtable.observability.cache.CacheManagerInstrumenter;
import com.pyairtable.observability.cache.CacheMetrics;
import com.pyairtable.observability.cache.InstrumentedCache;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.cache.autoconfigure.metrics.CacheMetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.cache.caffeine.CaffeineCacheManager;
import org.springframework.cache.concurrent.ConcurrentMapCacheManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class CacheObservabilityAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(MetricsAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class,
					CompositeMeterRegistryAutoConfiguration.class, CardinalityObservabilityAutoConfiguration.class,
					CacheObservabilityAutoConfiguration.class, CacheMetricsAutoConfiguration.class));

	@Test
	void recordsHitsMissesPutsEvictsAndClearsOfAConcurrentMapCache() {
		this.runner.withUserConfiguration(ConcurrentMapConfiguration.class).run((context) -> {
			ConcurrentMapCacheManager manager = context.getBean(ConcurrentMapCacheManager.class);
			Cache cache = manager.getCache("records");
			assertThat(cache).isInstanceOf(InstrumentedCache.class);
			assertThat(cache.getNativeCache()).isInstanceOf(java.util.concurrent.ConcurrentMap.class);
			cache.get("a");
			cache.put("a", "1");
			cache.get("a");
			cache.get("a", String.class);
			cache.get("b", () -> "loaded");
			cache.evict("a");
			cache.clear();
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(ops(registry, "records", "get", "hit")).isEqualTo(2);
			assertThat(ops(registry, "records", "get", "miss")).isEqualTo(2);
			assertThat(ops(registry, "records", "put", "none")).isEqualTo(1);
			assertThat(ops(registry, "records", "evict", "none")).isEqualTo(1);
			assertThat(ops(registry, "records", "clear", "none")).isEqualTo(1);
			assertThat(registry.get("cache.operation.duration")
				.tags("cache", "records", "operation", "get")
				.timer()
				.count()).isEqualTo(4);
		});
	}

	@Test
	void recordsCacheableMethodsOfACaffeineCacheAndKeepsBootsCacheMetrics() {
		this.runner.withUserConfiguration(CaffeineConfiguration.class).run((context) -> {
			Lookup lookup = context.getBean(Lookup.class);
			lookup.find("x");
			lookup.find("x");
			lookup.find("y");
			assertThat(lookup.calls()).isEqualTo(2);
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(ops(registry, "tables", "get", "hit")).isEqualTo(1);
			assertThat(ops(registry, "tables", "get", "miss")).isGreaterThanOrEqualTo(2);
			// Spring Boot's Caffeine metrics still find the decorated cache.
			assertThat(registry.get("cache.gets")
				.tags("name", "tables", "cache.manager", "cacheManager", "result", "hit")
				.functionCounter()
				.count()).isEqualTo(1);
			assertThat(context.getBean(CaffeineCacheManager.class).getCache("tables"))
				.isInstanceOf(InstrumentedCache.class);
		});
	}

	@Test
	void backsOffWhenDisabled() {
		this.runner.withUserConfiguration(ConcurrentMapConfiguration.class)
			.withPropertyValues("pyairtable.observability.metrics.cache.enabled=false")
			.run((context) -> {
				assertThat(context).doesNotHaveBean(CacheMetrics.class).doesNotHaveBean(CacheManagerInstrumenter.class);
				assertThat(context.getBean(CacheManager.class).getCache("records"))
					.isNotInstanceOf(InstrumentedCache.class);
			});
	}

	@Test
	void backsOffWhenUserDefinesMetrics() {
		this.runner.withUserConfiguration(ConcurrentMapConfiguration.class)
			.withBean("myCacheMetrics", CacheMetrics.class,
					() -> new CacheMetrics(new com.pyairtable.observability.cardinality.CardinalityGuard(3, 10)))
			.run((context) -> assertThat(context).getBean(CacheMetrics.class)
				.isSameAs(context.getBean("myCacheMetrics")));
	}

	@Test
	void backsOffWithoutSpringCache() {
		this.runner.withClassLoader(new FilteredClassLoader(CacheManager.class))
			.run((context) -> assertThat(context).doesNotHaveBean(CacheMetrics.class));
	}

	private static double ops(MeterRegistry registry, String cache, String operation, String result) {
		return registry.get("cache.operations")
			.tags("cache", cache, "operation", operation, "result", result)
			.counter()
			.count();
	}

	@Configuration(proxyBeanMethods = false)
	static class ConcurrentMapConfiguration {

		@Bean
		ConcurrentMapCacheManager cacheManager() {
			return new ConcurrentMapCacheManager("records");
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableCaching
	static class CaffeineConfiguration {

		@Bean
		CaffeineCacheManager cacheManager() {
			CaffeineCacheManager manager = new CaffeineCacheManager("tables");
			manager.setCaffeine(Caffeine.newBuilder().recordStats());
			return manager;
		}

		@Bean
		Lookup lookup() {
			return new Lookup();
		}

	}

	public static class Lookup {

		final AtomicInteger calls = new AtomicInteger();

		public int calls() {
			return this.calls.get();
		}

		@Cacheable("tables")
		public String find(String key) {
			this.calls.incrementAndGet();
			return key.toUpperCase();
		}

	}

}
