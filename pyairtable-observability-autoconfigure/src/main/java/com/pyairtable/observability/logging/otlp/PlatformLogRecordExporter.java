package com.pyairtable.observability.logging.otlp;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.common.Value;
import io.opentelemetry.api.logs.Severity;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.logs.data.Body;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.logs.export.LogRecordExporter;
import io.opentelemetry.sdk.resources.Resource;
import org.jspecify.annotations.Nullable;

/**
 * Gives every exported log record the fields of the platform's JSON log line as
 * attributes ({@code service}, {@code version}, {@code environment}, {@code level},
 * {@code logger}, {@code thread}, and {@code request_id}, {@code tenant_id},
 * {@code user_id} as the appender copies them from the MDC), and redacts secrets from the
 * body, the event name and every string and string-array attribute (exception message and
 * stack trace included); a value whose redaction fails is dropped. The trace and span ids
 * stay on the record itself, where Loki and Tempo expect them.
 */
public class PlatformLogRecordExporter implements LogRecordExporter {

	/** MDC copies of the record's own trace context. */
	private static final Set<String> DROPPED = Set.of("traceId", "spanId", "trace_id", "span_id", "trace_flags");

	private static final AttributeKey<String> THREAD_NAME = AttributeKey.stringKey("thread.name");

	private final LogRecordExporter delegate;

	private final LogRecordRedaction redaction;

	private final Attributes identity;

	/**
	 * The last resource seen and its redacted copy: a logger provider has one resource.
	 */
	private volatile Resource @Nullable [] resources;

	/**
	 * Wraps an exporter.
	 * @param delegate the exporter
	 * @param redactor the text redaction, returning the same instance when nothing
	 * changed
	 * @param service the service name
	 * @param version the service version
	 * @param environment the deployment environment
	 */
	public PlatformLogRecordExporter(LogRecordExporter delegate, UnaryOperator<@Nullable String> redactor,
			String service, String version, String environment) {
		this.delegate = delegate;
		this.redaction = new LogRecordRedaction(redactor);
		this.identity = Attributes.builder()
			.put("service", service)
			.put("version", version)
			.put("environment", environment)
			.build();
	}

	@Override
	public CompletableResultCode export(Collection<LogRecordData> logs) {
		List<LogRecordData> records = new ArrayList<>(logs.size());
		for (LogRecordData log : logs) {
			records.add(platformRecord(log));
		}
		return this.delegate.export(records);
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private LogRecordData platformRecord(LogRecordData log) {
		AttributesBuilder attributes = Attributes.builder().putAll(this.identity);
		attributes.put("level", levelOf(log));
		attributes.put("logger", log.getInstrumentationScopeInfo().getName());
		log.getAttributes().forEach((key, value) -> {
			if (DROPPED.contains(key.getKey())) {
				return;
			}
			Object redacted = this.redaction.attribute(key.getType(), value);
			if (redacted != null) {
				attributes.put((AttributeKey) key, redacted);
			}
		});
		String thread = log.getAttributes().get(THREAD_NAME);
		if (thread != null) {
			String redacted = this.redaction.text(thread);
			if (redacted != null) {
				attributes.put("thread", redacted);
			}
		}
		Value<?> body = log.getBodyValue();
		return new Record(log, resource(log.getResource()), attributes.build(),
				(body != null) ? this.redaction.value(body) : null, this.redaction.text(log.getEventName()));
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private Resource resource(Resource resource) {
		Resource[] cached = this.resources;
		if (cached != null && cached[0] == resource) {
			return cached[1];
		}
		AttributesBuilder attributes = Attributes.builder();
		resource.getAttributes().forEach((key, value) -> {
			Object redacted = this.redaction.attribute(key.getType(), value);
			if (redacted != null) {
				attributes.put((AttributeKey) key, redacted);
			}
		});
		Resource redacted = Resource.create(attributes.build(), resource.getSchemaUrl());
		this.resources = new Resource[] { resource, redacted };
		return redacted;
	}

	private static String levelOf(LogRecordData log) {
		String text = log.getSeverityText();
		return (text != null && !text.isEmpty()) ? text : log.getSeverity().name();
	}

	@Override
	public CompletableResultCode flush() {
		return this.delegate.flush();
	}

	@Override
	public CompletableResultCode shutdown() {
		return this.delegate.shutdown();
	}

	@Override
	public void close() {
		this.delegate.close();
	}

	/** A record with its attributes and body replaced. */
	private record Record(LogRecordData log, Resource resource, Attributes attributes, @Nullable Value<?> body,
			@Nullable String eventName) implements LogRecordData {

		@Override
		public Resource getResource() {
			return this.resource;
		}

		@Override
		public InstrumentationScopeInfo getInstrumentationScopeInfo() {
			return this.log.getInstrumentationScopeInfo();
		}

		@Override
		public long getTimestampEpochNanos() {
			return this.log.getTimestampEpochNanos();
		}

		@Override
		public long getObservedTimestampEpochNanos() {
			return this.log.getObservedTimestampEpochNanos();
		}

		@Override
		public SpanContext getSpanContext() {
			return this.log.getSpanContext();
		}

		@Override
		public Severity getSeverity() {
			return this.log.getSeverity();
		}

		@Override
		public @Nullable String getSeverityText() {
			return this.log.getSeverityText();
		}

		@Override
		@SuppressWarnings("deprecation")
		public Body getBody() {
			return (this.body != null) ? Body.string(this.body.asString()) : Body.empty();
		}

		@Override
		public @Nullable Value<?> getBodyValue() {
			return this.body;
		}

		@Override
		public Attributes getAttributes() {
			return this.attributes;
		}

		@Override
		public int getTotalAttributeCount() {
			return Math.max(this.log.getTotalAttributeCount(), this.attributes.size());
		}

		@Override
		public @Nullable String getEventName() {
			return this.eventName;
		}

		@Override
		public String toString() {
			// Not the record's: the original it wraps holds the unredacted values.
			return "LogRecord[severity=" + getSeverity() + ", body=" + this.body + ", attributes=" + this.attributes
					+ "]";
		}

	}

}
