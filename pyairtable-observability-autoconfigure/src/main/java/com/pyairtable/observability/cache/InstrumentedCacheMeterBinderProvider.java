package com.pyairtable.observability.cache;

import java.util.function.Supplier;
import java.util.stream.Stream;

import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.cache.metrics.CacheMeterBinderProvider;
import org.springframework.cache.Cache;
import org.springframework.core.ResolvableType;

/**
 * Lets Spring Boot's own cache metrics ({@code cache_gets_total} and friends) find the
 * caches behind {@link InstrumentedCache}: hands the decorated cache to the provider that
 * supports it.
 */
public class InstrumentedCacheMeterBinderProvider implements CacheMeterBinderProvider<InstrumentedCache> {

	private static final Log logger = LogFactory.getLog(InstrumentedCacheMeterBinderProvider.class);

	private final Supplier<Stream<CacheMeterBinderProvider<?>>> providers;

	/**
	 * Creates a provider.
	 * @param providers all the providers of the context (this one is skipped)
	 */
	public InstrumentedCacheMeterBinderProvider(Supplier<Stream<CacheMeterBinderProvider<?>>> providers) {
		this.providers = providers;
	}

	@Override
	@SuppressWarnings({ "unchecked", "rawtypes" })
	public @Nullable MeterBinder getMeterBinder(InstrumentedCache cache, Iterable<Tag> tags) {
		Cache delegate = cache.getDelegate();
		return this.providers.get()
			.filter((provider) -> provider != this && supports(provider, delegate))
			.map((provider) -> {
				try {
					return ((CacheMeterBinderProvider) provider).getMeterBinder(delegate, tags);
				}
				catch (RuntimeException ex) {
					logger.debug("Cache meter binder provider failed", ex);
					return null;
				}
			})
			.filter((binder) -> binder != null)
			.map(MeterBinder.class::cast)
			.findFirst()
			.orElse(null);
	}

	private static boolean supports(CacheMeterBinderProvider<?> provider, Cache cache) {
		Class<?> type = ResolvableType.forClass(CacheMeterBinderProvider.class, provider.getClass())
			.getGeneric(0)
			.resolve();
		return type == null || type.isInstance(cache);
	}

}
