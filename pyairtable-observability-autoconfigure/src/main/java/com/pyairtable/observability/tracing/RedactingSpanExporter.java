package com.pyairtable.observability.tracing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;

import com.pyairtable.observability.logging.SecretRedactor;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.AttributeType;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.common.KeyValue;
import io.opentelemetry.api.common.Value;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.data.DelegatingSpanData;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.ExceptionEventData;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Redacts secrets from everything text in a span before it leaves the process: its name,
 * every string and string-array attribute (numbers and booleans are left alone), event
 * names and attributes (an exception's message and stack trace included), link
 * attributes, the status description and the resource's attributes. A span with no secret
 * is passed on as is, without a copy.
 * <p>
 * Redaction comes before any cut: the SDK's attribute length limit is applied here, after
 * redaction, when given (see
 * {@link #RedactingSpanExporter(SpanExporter, UnaryOperator, int)}). Where redaction
 * fails for a value, the value is replaced by {@link #DROPPED}; it is never exported as
 * it was.
 */
public class RedactingSpanExporter implements SpanExporter {

	private static final int CLEAN_VALUES = 1024;

	private static final int CLEAN_VALUE_MAX_LENGTH = 96;

	/** What replaces a value whose redaction failed. */
	public static final String DROPPED = SecretRedactor.DROPPED;

	private static final Log logger = LogFactory.getLog(RedactingSpanExporter.class);

	private final SpanExporter delegate;

	private final UnaryOperator<@Nullable String> redactor;

	private final int maxAttributeValueLength;

	private final Redaction redaction = new Redaction(this::redactValue);

	private final Redaction scrubbing = new Redaction((value, cut) -> value.isEmpty() ? value : DROPPED);

	private final AtomicBoolean failureReported = new AtomicBoolean();

	/**
	 * Short values found clean, by hash slot: most attribute values of a service's spans
	 * repeat (methods, routes, status codes, outcomes, peer addresses), and redaction is
	 * a function of the value alone, so a value seen clean once is clean again. A
	 * direct-mapped table of fixed size: memory stays bounded under any cardinality, and
	 * a racy read at worst misses (strings are immutable). A value found again since it
	 * was last challenged keeps its slot once against a newcomer, so that values that
	 * never repeat (request ids, record paths) do not push out those that do.
	 */
	private final String[] cleanValues = new String[CLEAN_VALUES];

	private final boolean[] cleanValueHit = new boolean[CLEAN_VALUES];

	/**
	 * The last resource seen and its redacted form: every span of a provider shares one.
	 */
	private volatile @Nullable Resources resources;

	/**
	 * Wraps an exporter.
	 * @param delegate the exporter
	 * @param redactor the text redaction, a function of the value alone, returning the
	 * same instance when nothing changed
	 */
	public RedactingSpanExporter(SpanExporter delegate, UnaryOperator<@Nullable String> redactor) {
		this(delegate, redactor, Integer.MAX_VALUE);
	}

	/**
	 * Wraps an exporter and cuts attribute values after redaction.
	 * @param delegate the exporter
	 * @param redactor the text redaction, a function of the value alone, returning the
	 * same instance when nothing changed
	 * @param maxAttributeValueLength the length string attribute values are cut to once
	 * redacted ({@link Integer#MAX_VALUE} for none)
	 */
	public RedactingSpanExporter(SpanExporter delegate, UnaryOperator<@Nullable String> redactor,
			int maxAttributeValueLength) {
		this.delegate = delegate;
		this.redactor = redactor;
		this.maxAttributeValueLength = (maxAttributeValueLength > 0) ? maxAttributeValueLength : Integer.MAX_VALUE;
	}

	@Override
	public CompletableResultCode export(Collection<SpanData> spans) {
		List<SpanData> redacted = null;
		int index = 0;
		for (SpanData span : spans) {
			SpanData result = redact(span);
			if (result != span && redacted == null) {
				redacted = new ArrayList<>(spans.size());
				Iterator<SpanData> previous = spans.iterator();
				for (int i = 0; i < index; i++) {
					redacted.add(previous.next());
				}
			}
			if (redacted != null && result != null) {
				redacted.add(result);
			}
			index++;
		}
		return this.delegate.export((redacted != null) ? redacted : spans);
	}

	/**
	 * The span redacted; scrubbed of all text if redaction itself breaks; null to drop
	 * it.
	 */
	private @Nullable SpanData redact(SpanData span) {
		try {
			return this.redaction.span(span, resource(span.getResource()));
		}
		catch (RuntimeException | StackOverflowError ex) {
			reportFailure(ex);
			try {
				return this.scrubbing.span(span, this.scrubbing.resource(span.getResource()));
			}
			catch (RuntimeException | StackOverflowError again) {
				return null;
			}
		}
	}

	private Resource resource(Resource resource) {
		Resources cached = this.resources;
		if (cached != null && cached.original() == resource) {
			return cached.redacted();
		}
		Resource redacted = this.redaction.resource(resource);
		this.resources = new Resources(resource, redacted);
		return redacted;
	}

	private String redactValue(String value, boolean cut) {
		if (value.isEmpty()) {
			return value;
		}
		boolean cacheable = value.length() <= CLEAN_VALUE_MAX_LENGTH;
		int slot = cacheable ? (value.hashCode() & (CLEAN_VALUES - 1)) : 0;
		if (cacheable && value.equals(this.cleanValues[slot])) {
			this.cleanValueHit[slot] = true;
			return cut(value, cut);
		}
		String redacted;
		try {
			redacted = this.redactor.apply(value);
		}
		catch (RuntimeException | StackOverflowError ex) {
			reportFailure(ex);
			return DROPPED;
		}
		if (redacted == null) {
			return DROPPED;
		}
		if (cacheable && redacted == value) {
			if (this.cleanValueHit[slot]) {
				this.cleanValueHit[slot] = false;
			}
			else {
				this.cleanValues[slot] = value;
			}
		}
		return cut(redacted, cut);
	}

	private String cut(String value, boolean cut) {
		return (cut && value.length() > this.maxAttributeValueLength) ? value.substring(0, this.maxAttributeValueLength)
				: value;
	}

	private void reportFailure(Throwable failure) {
		if (this.failureReported.compareAndSet(false, true)) {
			// The failure's message may quote the value: only its type is logged.
			logger.warn("Redaction of a span failed (" + failure.getClass().getName() + "); the values concerned are "
					+ "exported as " + DROPPED + ". Reported once.");
		}
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

	private record Resources(Resource original, Resource redacted) {
	}

	/**
	 * A text value's treatment; {@code cut} says whether the attribute length limit
	 * applies.
	 */
	@FunctionalInterface
	private interface Text {

		String apply(String value, boolean cut);

	}

	/** One way of treating a span's text, given the treatment of one value. */
	private static final class Redaction {

		private final Text text;

		Redaction(Text text) {
			this.text = text;
		}

		SpanData span(SpanData span, Resource resource) {
			String name = this.text.apply(span.getName(), false);
			Attributes attributes = attributes(span.getAttributes());
			List<EventData> events = events(span.getEvents());
			List<LinkData> links = links(span.getLinks());
			StatusData status = status(span.getStatus());
			if (name == span.getName() && attributes == span.getAttributes() && events == span.getEvents()
					&& links == span.getLinks() && status == span.getStatus() && resource == span.getResource()) {
				return span;
			}
			return new RedactedSpanData(span, name, attributes, events, links, status, resource);
		}

		Resource resource(Resource resource) {
			Attributes attributes = attributes(resource.getAttributes());
			return (attributes != resource.getAttributes()) ? Resource.create(attributes, resource.getSchemaUrl())
					: resource;
		}

		private List<EventData> events(List<EventData> events) {
			List<EventData> result = null;
			for (int i = 0; i < events.size(); i++) {
				EventData event = events.get(i);
				String name = this.text.apply(event.getName(), false);
				Attributes attributes = attributes(event.getAttributes());
				// An exception event also holds the exception itself, with its unredacted
				// message: it is replaced by a plain event so that no exporter can read
				// it.
				if (name != event.getName() || attributes != event.getAttributes()
						|| event instanceof ExceptionEventData) {
					if (result == null) {
						result = new ArrayList<>(events);
					}
					result.set(i,
							EventData.create(event.getEpochNanos(), name, attributes, event.getTotalAttributeCount()));
				}
			}
			return (result != null) ? result : events;
		}

		private List<LinkData> links(List<LinkData> links) {
			List<LinkData> result = null;
			for (int i = 0; i < links.size(); i++) {
				LinkData link = links.get(i);
				Attributes attributes = attributes(link.getAttributes());
				if (attributes != link.getAttributes()) {
					if (result == null) {
						result = new ArrayList<>(links);
					}
					result.set(i, LinkData.create(link.getSpanContext(), attributes, link.getTotalAttributeCount()));
				}
			}
			return (result != null) ? result : links;
		}

		private StatusData status(StatusData status) {
			String description = status.getDescription();
			String redacted = this.text.apply(description, false);
			return (redacted != description) ? StatusData.create(status.getStatusCode(), redacted) : status;
		}

		@SuppressWarnings("unchecked")
		Attributes attributes(Attributes attributes) {
			if (attributes.isEmpty()) {
				return attributes;
			}
			// Runs for every attribute of every span: no map view, and a builder only
			// once a
			// value changes.
			AttributesBuilder[] builder = new AttributesBuilder[1];
			attributes.forEach((key, value) -> {
				Object redacted = value(key.getType(), value);
				if (redacted != value) {
					if (builder[0] == null) {
						builder[0] = attributes.toBuilder();
					}
					builder[0].put((AttributeKey<Object>) key, redacted);
				}
			});
			return (builder[0] != null) ? builder[0].build() : attributes;
		}

		@SuppressWarnings("unchecked")
		private Object value(AttributeType type, Object value) {
			return switch (type) {
				case STRING -> this.text.apply((String) value, true);
				case STRING_ARRAY -> strings((List<String>) value);
				case VALUE -> value((Value<?>) value);
				default -> value;
			};
		}

		private List<String> strings(List<String> values) {
			List<String> result = null;
			for (int i = 0; i < values.size(); i++) {
				String value = values.get(i);
				String redacted = (value != null) ? this.text.apply(value, true) : null;
				if (redacted != value) {
					if (result == null) {
						result = new ArrayList<>(values);
					}
					result.set(i, redacted);
				}
			}
			return (result != null) ? result : values;
		}

		/**
		 * A structured value: its strings redacted, at any depth; bytes are left as they
		 * are.
		 */
		@SuppressWarnings("unchecked")
		private Value<?> value(Value<?> value) {
			switch (value.getType()) {
				case STRING -> {
					String text = (String) value.getValue();
					String redacted = this.text.apply(text, true);
					return (redacted != text) ? Value.of(redacted) : value;
				}
				case ARRAY -> {
					List<Value<?>> values = (List<Value<?>>) value.getValue();
					List<Value<?>> result = null;
					for (int i = 0; i < values.size(); i++) {
						Value<?> redacted = value(values.get(i));
						if (redacted != values.get(i)) {
							if (result == null) {
								result = new ArrayList<>(values);
							}
							result.set(i, redacted);
						}
					}
					return (result != null) ? Value.of(result) : value;
				}
				case KEY_VALUE_LIST -> {
					List<KeyValue> entries = (List<KeyValue>) value.getValue();
					KeyValue[] result = null;
					for (int i = 0; i < entries.size(); i++) {
						KeyValue entry = entries.get(i);
						Value<?> redacted = value(entry.getValue());
						if (redacted != entry.getValue()) {
							if (result == null) {
								result = entries.toArray(KeyValue[]::new);
							}
							result[i] = KeyValue.of(entry.getKey(), redacted);
						}
					}
					return (result != null) ? Value.of(result) : value;
				}
				default -> {
					return value;
				}
			}
		}

	}

	private static final class RedactedSpanData extends DelegatingSpanData {

		private final String name;

		private final Attributes attributes;

		private final List<EventData> events;

		private final List<LinkData> links;

		private final StatusData status;

		private final Resource resource;

		RedactedSpanData(SpanData delegate, String name, Attributes attributes, List<EventData> events,
				List<LinkData> links, StatusData status, Resource resource) {
			super(delegate);
			this.name = name;
			this.attributes = attributes;
			this.events = events;
			this.links = links;
			this.status = status;
			this.resource = resource;
		}

		@Override
		public String getName() {
			return this.name;
		}

		@Override
		public Attributes getAttributes() {
			return this.attributes;
		}

		@Override
		public List<EventData> getEvents() {
			return this.events;
		}

		@Override
		public List<LinkData> getLinks() {
			return this.links;
		}

		@Override
		public StatusData getStatus() {
			return this.status;
		}

		@Override
		public Resource getResource() {
			return this.resource;
		}

	}

}
