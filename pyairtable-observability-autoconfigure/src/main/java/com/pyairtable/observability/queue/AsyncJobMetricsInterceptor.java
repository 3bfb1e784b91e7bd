package com.pyairtable.observability.queue;

import java.lang.reflect.Method;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.jspecify.annotations.Nullable;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.scheduling.annotation.Async;

/**
 * Records {@code queue_operations_total{queue,operation="execute",status}} for every
 * {@code @Async} method. It runs inside the executor's thread (Spring puts its async
 * interceptor before every existing advisor), so it sees the method's own outcome: a
 * thrown exception, or a returned future that completes exceptionally, is an
 * {@code error}. The queue is the executor's bean name, else the {@code @Async}
 * qualifier, else {@code async}.
 */
public class AsyncJobMetricsInterceptor implements MethodInterceptor {

	/** Queue name when neither the executor nor a qualifier is known. */
	public static final String DEFAULT_QUEUE = "async";

	private final Supplier<QueueMetrics> metrics;

	private final ExecutorQueueDepths executors;

	/**
	 * Creates the interceptor.
	 * @param metrics the queue metrics
	 * @param executors the known executors
	 */
	public AsyncJobMetricsInterceptor(Supplier<QueueMetrics> metrics, ExecutorQueueDepths executors) {
		this.metrics = metrics;
		this.executors = executors;
	}

	@Override
	public @Nullable Object invoke(MethodInvocation invocation) throws Throwable {
		String queue = queue(invocation.getMethod());
		Object result;
		try {
			result = invocation.proceed();
		}
		catch (Throwable ex) {
			record(queue, false);
			throw ex;
		}
		if (result instanceof CompletionStage<?> stage) {
			stage.whenComplete((value, failure) -> record(queue, failure == null));
		}
		else {
			record(queue, true);
		}
		return result;
	}

	private void record(String queue, boolean success) {
		try {
			QueueMetrics metrics = this.metrics.get();
			if (success) {
				metrics.recordSuccess(queue, QueueMetricNames.EXECUTE);
			}
			else {
				metrics.recordError(queue, QueueMetricNames.EXECUTE);
			}
		}
		catch (RuntimeException ex) {
			// Instrumentation never throws into the job.
		}
	}

	private String queue(Method method) {
		String executor = this.executors.currentExecutor();
		if (executor != null) {
			return executor;
		}
		Async async = AnnotatedElementUtils.findMergedAnnotation(method, Async.class);
		if (async == null) {
			async = AnnotatedElementUtils.findMergedAnnotation(method.getDeclaringClass(), Async.class);
		}
		return (async != null && !async.value().isEmpty()) ? async.value() : DEFAULT_QUEUE;
	}

}
