package com.pyairtable.observability.llm;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An open LLM session, counted in {@code llm_active_sessions} until closed. Closing twice
 * counts once.
 */
public final class LlmSession implements AutoCloseable {

	private final LlmMetrics metrics;

	private final AtomicBoolean open = new AtomicBoolean(true);

	LlmSession(LlmMetrics metrics) {
		this.metrics = metrics;
	}

	@Override
	public void close() {
		if (this.open.compareAndSet(true, false)) {
			this.metrics.sessionClosed();
		}
	}

}
