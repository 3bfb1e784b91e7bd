package com.pyairtable.observability.cache;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.aop.framework.Advised;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;

/**
 * Decorates every {@link CacheManager} bean so that each {@link Cache} it returns is an
 * {@link InstrumentedCache}. The manager is proxied as its own class where it can be, so
 * that it can still be injected by its concrete type.
 */
public class CacheManagerInstrumenter implements BeanPostProcessor {

	private static final Log logger = LogFactory.getLog(CacheManagerInstrumenter.class);

	private final Supplier<CacheMetrics> metrics;

	/**
	 * Creates the post-processor.
	 * @param metrics supplies the metrics, resolved on the first cache lookup
	 */
	public CacheManagerInstrumenter(Supplier<CacheMetrics> metrics) {
		this.metrics = metrics;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof CacheManager cacheManager && !isInstrumented(bean)) {
			try {
				return instrument(cacheManager);
			}
			catch (RuntimeException ex) {
				logger.debug("Could not instrument cache manager '" + beanName + "'", ex);
			}
		}
		return bean;
	}

	/**
	 * Returns a proxy of the manager whose caches are instrumented.
	 * @param cacheManager the manager
	 * @return the proxy
	 */
	public CacheManager instrument(CacheManager cacheManager) {
		ProxyFactory factory = new ProxyFactory(cacheManager);
		boolean finalClass = java.lang.reflect.Modifier.isFinal(cacheManager.getClass().getModifiers());
		factory.setProxyTargetClass(!finalClass);
		if (finalClass) {
			factory.addInterface(CacheManager.class);
		}
		factory.addAdvice(new GetCacheInterceptor(this.metrics));
		return (CacheManager) factory.getProxy(cacheManager.getClass().getClassLoader());
	}

	private static boolean isInstrumented(Object bean) {
		if (bean instanceof Advised advised) {
			for (var advisor : advised.getAdvisors()) {
				if (advisor.getAdvice() instanceof GetCacheInterceptor) {
					return true;
				}
			}
		}
		return false;
	}

	private static final class GetCacheInterceptor implements MethodInterceptor {

		private final Supplier<CacheMetrics> metrics;

		private final ConcurrentHashMap<Cache, InstrumentedCache> caches = new ConcurrentHashMap<>();

		GetCacheInterceptor(Supplier<CacheMetrics> metrics) {
			this.metrics = metrics;
		}

		@Override
		public @Nullable Object invoke(MethodInvocation invocation) throws Throwable {
			Object result = invocation.proceed();
			if (result instanceof Cache cache && !(result instanceof InstrumentedCache)
					&& "getCache".equals(invocation.getMethod().getName())) {
				try {
					return this.caches.computeIfAbsent(cache, (key) -> new InstrumentedCache(key, this.metrics.get()));
				}
				catch (RuntimeException ex) {
					logger.debug("Could not instrument cache '" + cache.getName() + "'", ex);
				}
			}
			return result;
		}

	}

}
