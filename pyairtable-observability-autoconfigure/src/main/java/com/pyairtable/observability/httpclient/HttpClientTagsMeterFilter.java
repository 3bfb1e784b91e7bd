package com.pyairtable.observability.httpclient;

import java.util.ArrayList;
import java.util.List;

import com.pyairtable.observability.cardinality.BoundedTag;
import com.pyairtable.observability.cardinality.CardinalityGuard;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;

/**
 * Passes the {@code client.name} tag of Spring's {@code http.client.requests} meters (the
 * host called, for every client built from Boot's {@code RestClient.Builder},
 * {@code RestTemplateBuilder} and {@code WebClient.Builder}) through the cardinality
 * guard, so that a service calling many hosts folds the excess into {@code other}. Spring
 * already bounds {@code uri} ({@code management.metrics.web.client.max-uri-tags}).
 */
public class HttpClientTagsMeterFilter implements MeterFilter {

	/** Spring's name of the outbound HTTP observation and its meters. */
	public static final String METRIC = "http.client.requests";

	/** The tag with the host called. */
	public static final String CLIENT_NAME_TAG = "client.name";

	private final BoundedTag clientName;

	/**
	 * Creates the filter.
	 * @param guard the cardinality guard
	 */
	public HttpClientTagsMeterFilter(CardinalityGuard guard) {
		this.clientName = guard.tag(METRIC, CLIENT_NAME_TAG);
	}

	@Override
	public Meter.Id map(Meter.Id id) {
		if (!id.getName().startsWith(METRIC)) {
			return id;
		}
		String raw = id.getTag(CLIENT_NAME_TAG);
		if (raw == null) {
			return id;
		}
		String bounded = this.clientName.value(raw);
		if (bounded.equals(raw)) {
			return id;
		}
		List<Tag> tags = new ArrayList<>();
		for (Tag tag : id.getTagsAsIterable()) {
			tags.add(CLIENT_NAME_TAG.equals(tag.getKey()) ? Tag.of(CLIENT_NAME_TAG, bounded) : tag);
		}
		return id.replaceTags(tags);
	}

}
