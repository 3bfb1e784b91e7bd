package com.pyairtable.observability.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.micrometer.common.KeyValue;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.http.server.observation.ServerRequestObservationContext;

/**
 * Records request and response body sizes as {@code http.server.request.size} and
 * {@code http.server.response.size} (bytes) when an {@code http.server.requests}
 * observation stops, with its {@code method}, {@code uri}, {@code status} and
 * {@code outcome} tags as the convention already computed them, so the three can be
 * joined. A request's size is the bytes the application read from its body (0 when it
 * read none), never the declared {@code Content-Length}. It stops after the response is
 * complete, asynchronous requests included. Never throws.
 */
public class HttpExchangeSizeObservationHandler implements ObservationHandler<ServerRequestObservationContext> {

	/**
	 * Distribution summary
	 * {@code http_server_request_size_bytes{method,uri,status,outcome}}: bytes the
	 * application read from the request body.
	 */
	public static final String REQUEST_SIZE = "http.server.request.size";

	/**
	 * Distribution summary
	 * {@code http_server_response_size_bytes{method,uri,status,outcome}}: bytes written
	 * to the response body.
	 */
	public static final String RESPONSE_SIZE = "http.server.response.size";

	private static final Log logger = LogFactory.getLog(HttpExchangeSizeObservationHandler.class);

	private static final Set<String> TAG_KEYS = Set.of("method", "uri", "status", "outcome");

	private final Meter.MeterProvider<DistributionSummary> requestSizes;

	private final Meter.MeterProvider<DistributionSummary> responseSizes;

	/**
	 * Creates a handler recording into the given registry.
	 * @param registry the registry
	 */
	public HttpExchangeSizeObservationHandler(MeterRegistry registry) {
		this.requestSizes = DistributionSummary.builder(REQUEST_SIZE)
			.description("Size of HTTP request bodies")
			.baseUnit("bytes")
			.withRegistry(registry);
		this.responseSizes = DistributionSummary.builder(RESPONSE_SIZE)
			.description("Size of HTTP response bodies")
			.baseUnit("bytes")
			.withRegistry(registry);
	}

	@Override
	public boolean supportsContext(Observation.Context context) {
		return context instanceof ServerRequestObservationContext;
	}

	@Override
	public void onStop(ServerRequestObservationContext context) {
		try {
			CountingRequestWrapper request = PlatformRequestFilter.countingRequest(context.getCarrier());
			if (request == null) {
				return;
			}
			Tags tags = tags(context);
			this.requestSizes.withTags(tags).record(request.bytesRead());
			this.responseSizes.withTags(tags).record(request.countingResponse().bytesWritten());
		}
		catch (RuntimeException ex) {
			// Telemetry must never change the answer the client gets.
			logger.debug("Could not record HTTP exchange sizes", ex);
		}
	}

	private static Tags tags(ServerRequestObservationContext context) {
		List<Tag> tags = new ArrayList<>(TAG_KEYS.size());
		for (KeyValue keyValue : context.getLowCardinalityKeyValues()) {
			if (TAG_KEYS.contains(keyValue.getKey())) {
				tags.add(Tag.of(keyValue.getKey(), keyValue.getValue()));
			}
		}
		return Tags.of(tags);
	}

}
