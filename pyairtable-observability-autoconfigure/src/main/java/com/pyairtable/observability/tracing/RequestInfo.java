package com.pyairtable.observability.tracing;

import org.jspecify.annotations.Nullable;

/**
 * The method and path of the incoming HTTP request, made current on the request thread
 * before the server span starts so that path rules can match: Micrometer starts the
 * server span before it adds the request's attributes.
 *
 * @param method the HTTP method
 * @param path the path within the application
 */
public record RequestInfo(String method, String path) {

	/**
	 * The request of the current thread, set by the starter's request filter: a
	 * thread-local rather than a current OpenTelemetry context, whose every attach and
	 * detach also publishes scope events (MDC updates) on the request thread.
	 */
	private static final ThreadLocal<@Nullable RequestInfo> CURRENT = new ThreadLocal<>();

	/**
	 * The request being served on this thread.
	 * @return the request, or {@code null} outside one
	 */
	public static @Nullable RequestInfo current() {
		return CURRENT.get();
	}

	/**
	 * Makes this the request of the current thread until the returned handle is closed.
	 * @return the handle restoring the previous request
	 */
	public Restorer makeCurrent() {
		RequestInfo previous = CURRENT.get();
		CURRENT.set(this);
		return new Restorer(previous);
	}

	/**
	 * Restores the request the thread had before {@link #makeCurrent()}.
	 *
	 * @param previous the request before, or {@code null}
	 */
	public record Restorer(@Nullable RequestInfo previous) implements AutoCloseable {

		@Override
		public void close() {
			if (this.previous != null) {
				CURRENT.set(this.previous);
			}
			else {
				CURRENT.remove();
			}
		}

	}

}
