package com.pyairtable.observability.tracing;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextKey;
import org.jspecify.annotations.Nullable;

/**
 * The method and path of the incoming HTTP request, put in the OpenTelemetry context
 * before the server span starts so that path rules can match: Micrometer starts the server
 * span before it adds the request's attributes.
 *
 * @param method the HTTP method
 * @param path the path within the application
 */
public record RequestInfo(String method, String path) {

	private static final ContextKey<RequestInfo> KEY = ContextKey.named("pyairtable-request-info");

	/**
	 * The context with this request in it.
	 * @param context the base context
	 * @return the new context
	 */
	public Context storeIn(Context context) {
		return context.with(KEY, this);
	}

	/**
	 * The request of the given context, or of the current one.
	 * @param context the context handed to the sampler
	 * @return the request, or {@code null} outside one
	 */
	public static @Nullable RequestInfo from(Context context) {
		RequestInfo info = context.get(KEY);
		return (info != null) ? info : Context.current().get(KEY);
	}

}
