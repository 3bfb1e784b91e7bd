package com.pyairtable.observability.tracing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.UnaryOperator;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.AttributeType;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.DelegatingSpanData;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.jspecify.annotations.Nullable;

/**
 * Redacts secrets from span names, string attributes, events (exception messages and
 * stack traces included) and status descriptions before they leave the process.
 */
public class RedactingSpanExporter implements SpanExporter {

	private final SpanExporter delegate;

	private final UnaryOperator<@Nullable String> redactor;

	/**
	 * Wraps an exporter.
	 * @param delegate the exporter
	 * @param redactor the text redaction, returning the same instance when nothing changed
	 */
	public RedactingSpanExporter(SpanExporter delegate, UnaryOperator<@Nullable String> redactor) {
		this.delegate = delegate;
		this.redactor = redactor;
	}

	@Override
	public CompletableResultCode export(Collection<SpanData> spans) {
		List<SpanData> redacted = new ArrayList<>(spans.size());
		for (SpanData span : spans) {
			redacted.add(redact(span));
		}
		return this.delegate.export(redacted);
	}

	private SpanData redact(SpanData span) {
		String name = text(span.getName());
		Attributes attributes = attributes(span.getAttributes());
		List<EventData> spanEvents = span.getEvents();
		List<EventData> events = spanEvents.isEmpty() ? spanEvents : new ArrayList<>(spanEvents.size());
		boolean eventsChanged = false;
		for (EventData event : spanEvents) {
			Attributes eventAttributes = attributes(event.getAttributes());
			if (eventAttributes != event.getAttributes()) {
				eventsChanged = true;
				events.add(EventData.create(event.getEpochNanos(), text(event.getName()), eventAttributes,
						event.getTotalAttributeCount()));
			}
			else {
				events.add(event);
			}
		}
		StatusData status = span.getStatus();
		String description = text(status.getDescription());
		StatusData newStatus = (description.equals(status.getDescription())) ? status
				: StatusData.create(status.getStatusCode(), description);
		if (name.equals(span.getName()) && attributes == span.getAttributes() && !eventsChanged && newStatus == status) {
			return span;
		}
		List<EventData> finalEvents = eventsChanged ? events : span.getEvents();
		return new DelegatingSpanData(span) {

			@Override
			public String getName() {
				return name;
			}

			@Override
			public Attributes getAttributes() {
				return attributes;
			}

			@Override
			public List<EventData> getEvents() {
				return finalEvents;
			}

			@Override
			public StatusData getStatus() {
				return newStatus;
			}

		};
	}

	@SuppressWarnings("unchecked")
	private Attributes attributes(Attributes attributes) {
		// Runs on the export thread for every attribute of every span: no map view, and a
		// builder only once a value changes.
		AttributesBuilder[] builder = new AttributesBuilder[1];
		attributes.forEach((key, value) -> {
			if (key.getType() == AttributeType.STRING) {
				String redacted = text((String) value);
				if (!redacted.equals(value)) {
					if (builder[0] == null) {
						builder[0] = attributes.toBuilder();
					}
					builder[0].put((AttributeKey<String>) key, redacted);
				}
			}
		});
		return (builder[0] != null) ? builder[0].build() : attributes;
	}

	private String text(@Nullable String value) {
		if (value == null) {
			return "";
		}
		String redacted = this.redactor.apply(value);
		return (redacted != null) ? redacted : value;
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
	public String toString() {
		return "RedactingSpanExporter{" + this.delegate + "}";
	}

}
