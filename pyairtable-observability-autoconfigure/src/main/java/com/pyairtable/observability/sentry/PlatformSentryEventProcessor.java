package com.pyairtable.observability.sentry;

import java.util.Map;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import com.pyairtable.observability.core.ServiceIdentity;
import com.pyairtable.observability.logging.RequestIds;
import io.sentry.Breadcrumb;
import io.sentry.EventProcessor;
import io.sentry.Hint;
import io.sentry.SentryEvent;
import io.sentry.protocol.Message;
import io.sentry.protocol.Request;
import io.sentry.protocol.SentryException;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

/**
 * Tags every Sentry error event with the current trace and span ids ({@code trace_id},
 * {@code span_id}, as in the JSON logs and in Tempo), the request id ({@code request_id})
 * and the service identity ({@code service}, {@code version}, {@code tier},
 * {@code environment}), and redacts secrets from its message, exception values,
 * breadcrumbs, extras and request URL and query string. Runs last among the event
 * processors, so that it sees what the others added.
 */
public class PlatformSentryEventProcessor implements EventProcessor {

	/** Tag of the trace id. */
	public static final String TRACE_ID_TAG = "trace_id";

	/** Tag of the span id. */
	public static final String SPAN_ID_TAG = "span_id";

	/** Tag of the request id. */
	public static final String REQUEST_ID_TAG = RequestIds.MDC_KEY;

	private final ServiceIdentity identity;

	private final Supplier<@Nullable TraceIds> traceIds;

	private final UnaryOperator<@Nullable String> redactor;

	/**
	 * Creates the processor.
	 * @param identity the service identity
	 * @param traceIds the current trace and span ids, {@code null} outside a trace
	 * @param redactor the text redaction, returning the same instance when nothing changed
	 */
	public PlatformSentryEventProcessor(ServiceIdentity identity, Supplier<@Nullable TraceIds> traceIds,
			UnaryOperator<@Nullable String> redactor) {
		this.identity = identity;
		this.traceIds = traceIds;
		this.redactor = redactor;
	}

	@Override
	public @Nullable SentryEvent process(SentryEvent event, Hint hint) {
		try {
			tag(event);
			redact(event);
		}
		catch (RuntimeException ex) {
			// Reporting an error must never fail because of its decoration.
		}
		return event;
	}

	private void tag(SentryEvent event) {
		event.setTag(ServiceIdentity.SERVICE_TAG, this.identity.name());
		event.setTag(ServiceIdentity.VERSION_TAG, this.identity.version());
		event.setTag(ServiceIdentity.TIER_TAG, this.identity.tier());
		event.setTag(ServiceIdentity.ENVIRONMENT_TAG, this.identity.environment());
		TraceIds ids = this.traceIds.get();
		if (ids != null) {
			event.setTag(TRACE_ID_TAG, ids.traceId());
			event.setTag(SPAN_ID_TAG, ids.spanId());
		}
		String requestId = MDC.get(RequestIds.MDC_KEY);
		if (requestId != null && !requestId.isEmpty()) {
			event.setTag(REQUEST_ID_TAG, requestId);
		}
	}

	private void redact(SentryEvent event) {
		Message message = event.getMessage();
		if (message != null) {
			message.setFormatted(this.redactor.apply(message.getFormatted()));
			message.setMessage(this.redactor.apply(message.getMessage()));
		}
		if (event.getExceptions() != null) {
			for (SentryException exception : event.getExceptions()) {
				exception.setValue(this.redactor.apply(exception.getValue()));
			}
		}
		if (event.getBreadcrumbs() != null) {
			for (Breadcrumb breadcrumb : event.getBreadcrumbs()) {
				breadcrumb.setMessage(this.redactor.apply(breadcrumb.getMessage()));
			}
		}
		Map<String, Object> extras = event.getExtras();
		if (extras != null) {
			extras.replaceAll((key, value) -> (value instanceof String text) ? this.redactor.apply(text) : value);
		}
		Request request = event.getRequest();
		if (request != null) {
			request.setUrl(this.redactor.apply(request.getUrl()));
			request.setQueryString(this.redactor.apply(request.getQueryString()));
		}
	}

	@Override
	public Long getOrder() {
		return Long.MAX_VALUE;
	}

	/**
	 * The ids of the current span.
	 * @param traceId 32 hexadecimal digits
	 * @param spanId 16 hexadecimal digits
	 */
	public record TraceIds(String traceId, String spanId) {
	}

}
