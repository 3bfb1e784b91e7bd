package com.pyairtable.observability.sentry;

import java.util.Collections;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import com.pyairtable.observability.core.ServiceIdentity;
import com.pyairtable.observability.logging.RequestIds;
import io.sentry.EventProcessor;
import io.sentry.Hint;
import io.sentry.SentryEvent;
import io.sentry.protocol.Contexts;
import io.sentry.protocol.SentryException;
import io.sentry.protocol.SentryTransaction;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

/**
 * Tags every Sentry error event with the current trace and span ids ({@code trace_id},
 * {@code span_id}, as in the JSON logs and in Tempo), the request id ({@code request_id})
 * and the service identity ({@code service}, {@code version}, {@code tier},
 * {@code environment}), then redacts every text of the event (see
 * {@link SentryEventRedaction}). Runs last among the event processors, so that it sees
 * what the others added.
 * <p>
 * Fails closed: when the redaction breaks, the event is sent stripped of everything but
 * its level, exception types and stack frames, and dropped when even that fails.
 * Transactions (only when the application turns Sentry's tracing on) are redacted too,
 * and dropped when their name or a span's description held a secret.
 */
public class PlatformSentryEventProcessor implements EventProcessor {

	/** Tag of the trace id. */
	public static final String TRACE_ID_TAG = "trace_id";

	/** Tag of the span id. */
	public static final String SPAN_ID_TAG = "span_id";

	/** Tag of the request id. */
	public static final String REQUEST_ID_TAG = RequestIds.MDC_KEY;

	private static final Log logger = LogFactory.getLog(PlatformSentryEventProcessor.class);

	private final ServiceIdentity identity;

	private final Supplier<@Nullable TraceIds> traceIds;

	private final SentryEventRedaction redaction;

	private final AtomicBoolean failureReported = new AtomicBoolean();

	/**
	 * Creates the processor.
	 * @param identity the service identity
	 * @param traceIds the current trace and span ids, {@code null} outside a trace
	 * @param redactor the text redaction, returning the same instance when nothing
	 * changed
	 */
	public PlatformSentryEventProcessor(ServiceIdentity identity, Supplier<@Nullable TraceIds> traceIds,
			UnaryOperator<@Nullable String> redactor) {
		this.identity = identity;
		this.traceIds = traceIds;
		this.redaction = new SentryEventRedaction(redactor);
	}

	@Override
	public @Nullable SentryEvent process(SentryEvent event, Hint hint) {
		try {
			tag(event);
		}
		catch (RuntimeException ex) {
			// Reporting an error must never fail because of its decoration.
		}
		try {
			this.redaction.redact(event);
			return event;
		}
		catch (RuntimeException | StackOverflowError ex) {
			reportFailure(ex);
			return strip(event);
		}
	}

	@Override
	public @Nullable SentryTransaction process(SentryTransaction transaction, Hint hint) {
		try {
			return this.redaction.redact(transaction) ? transaction : null;
		}
		catch (RuntimeException | StackOverflowError ex) {
			reportFailure(ex);
			return null;
		}
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

	/** The event without any text that could hold a secret; null when even that fails. */
	private static @Nullable SentryEvent strip(SentryEvent event) {
		try {
			event.setMessage(null);
			event.setTransaction(null);
			event.setFingerprints(null);
			event.setBreadcrumbs(null);
			event.setExtras(null);
			event.setTags(null);
			event.setRequest(null);
			event.setUser(null);
			event.setServerName(null);
			event.setThreads(null);
			Contexts contexts = event.getContexts();
			for (String key : Collections.list(contexts.keys())) {
				contexts.remove(key);
			}
			if (event.getExceptions() != null) {
				for (SentryException exception : event.getExceptions()) {
					exception.setValue(SentryEventRedaction.MASK);
					exception.setMechanism(null);
					if (exception.getStacktrace() != null && exception.getStacktrace().getFrames() != null) {
						exception.getStacktrace().getFrames().forEach((frame) -> {
							frame.setVars(null);
							frame.setContextLine(null);
						});
					}
				}
			}
			return event;
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	private void reportFailure(Throwable failure) {
		if (this.failureReported.compareAndSet(false, true)) {
			// The failure's message may quote a value: only its type is logged.
			logger.warn("Redaction of a Sentry event failed (" + failure.getClass().getName()
					+ "); such events are sent stripped of their text. Reported once.");
		}
	}

	@Override
	public Long getOrder() {
		return Long.MAX_VALUE;
	}

	/**
	 * The ids of the current span.
	 *
	 * @param traceId 32 hexadecimal digits
	 * @param spanId 16 hexadecimal digits
	 */
	public record TraceIds(String traceId, String spanId) {
	}

}
