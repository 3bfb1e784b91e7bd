package com.pyairtable.observability.queue;

import org.aopalliance.aop.Advice;

import org.springframework.aop.Pointcut;
import org.springframework.aop.support.AbstractPointcutAdvisor;
import org.springframework.aop.support.ComposablePointcut;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.scheduling.annotation.Async;

/**
 * Applies {@link AsyncJobMetricsInterceptor} to the methods Spring runs asynchronously:
 * those annotated with {@link Async}, or declared in a class annotated with it.
 */
public class AsyncJobMetricsAdvisor extends AbstractPointcutAdvisor {

	private final AsyncJobMetricsInterceptor interceptor;

	private final Pointcut pointcut = new ComposablePointcut(new AnnotationMatchingPointcut(Async.class, true))
		.union(new AnnotationMatchingPointcut(null, Async.class, true));

	/**
	 * Creates the advisor.
	 * @param interceptor the interceptor
	 */
	public AsyncJobMetricsAdvisor(AsyncJobMetricsInterceptor interceptor) {
		this.interceptor = interceptor;
	}

	@Override
	public Pointcut getPointcut() {
		return this.pointcut;
	}

	@Override
	public Advice getAdvice() {
		return this.interceptor;
	}

}
