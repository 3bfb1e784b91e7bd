package com.pyairtable.observability.queue;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * Publishes {@code queue_depth{queue=<bean name>}} for every
 * {@link ThreadPoolTaskExecutor} bean and remembers which executor runs on which threads
 * (by thread-name prefix), so that {@link AsyncJobMetricsInterceptor} can name the queue
 * of an {@code @Async} job.
 */
public class ExecutorQueueDepths implements BeanPostProcessor {

	private final Supplier<QueueMetrics> metrics;

	private final Map<String, String> executorsByThreadPrefix = new ConcurrentHashMap<>();

	/**
	 * Creates the registrar.
	 * @param metrics the queue metrics, asked for lazily so that no meter binder is
	 * created early by this post-processor
	 */
	public ExecutorQueueDepths(Supplier<QueueMetrics> metrics) {
		this.metrics = metrics;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof ThreadPoolTaskExecutor executor) {
			try {
				this.metrics.get().registerDepth(beanName, executor::getQueueSize);
				String prefix = executor.getThreadNamePrefix();
				if (!prefix.isEmpty()) {
					this.executorsByThreadPrefix.putIfAbsent(prefix, beanName);
				}
			}
			catch (RuntimeException ex) {
				// Never fail the application for a gauge.
			}
		}
		return bean;
	}

	/**
	 * The bean name of the executor running the current thread.
	 * @return the name, {@code null} when the thread belongs to no known executor
	 */
	@Nullable String currentExecutor() {
		String thread = Thread.currentThread().getName();
		for (Map.Entry<String, String> entry : this.executorsByThreadPrefix.entrySet()) {
			if (thread.startsWith(entry.getKey())) {
				return entry.getValue();
			}
		}
		return null;
	}

}
