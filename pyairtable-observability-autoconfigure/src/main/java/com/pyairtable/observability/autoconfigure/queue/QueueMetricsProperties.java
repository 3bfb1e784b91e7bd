package com.pyairtable.observability.autoconfigure.queue;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Queue metrics: the typed API, task executors and messaging.
 */
@ConfigurationProperties(QueueMetricsProperties.PREFIX)
public class QueueMetricsProperties {

	/** Prefix of the queue metrics properties. */
	public static final String PREFIX = "pyairtable.observability.metrics.queue";

	/** Whether queue metrics are recorded. */
	private boolean enabled = true;

	/**
	 * Whether ThreadPoolTaskExecutor beans publish their depth and @Async jobs their
	 * outcome.
	 */
	private boolean executors = true;

	/** Whether Spring AMQP and Spring Kafka observations are switched on and counted. */
	private boolean messaging = true;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public boolean isExecutors() {
		return this.executors;
	}

	public void setExecutors(boolean executors) {
		this.executors = executors;
	}

	public boolean isMessaging() {
		return this.messaging;
	}

	public void setMessaging(boolean messaging) {
		this.messaging = messaging;
	}

}
