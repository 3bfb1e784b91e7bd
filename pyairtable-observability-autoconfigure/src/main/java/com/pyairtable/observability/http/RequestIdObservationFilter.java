package com.pyairtable.observability.http;

import com.pyairtable.observability.logging.RequestIds;
import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationFilter;

import org.springframework.http.server.observation.ServerRequestObservationContext;

/**
 * Puts the request id that {@link PlatformRequestFilter} accepted on the server
 * observation as the high-cardinality key {@code request.id}, hence on the server span
 * and never on a metric.
 */
public class RequestIdObservationFilter implements ObservationFilter {

	/** The span attribute holding the request id. */
	public static final String KEY = "request.id";

	@Override
	public Observation.Context map(Observation.Context context) {
		if (context instanceof ServerRequestObservationContext server
				&& server.getCarrier().getAttribute(RequestIds.ATTRIBUTE) instanceof String requestId) {
			context.addHighCardinalityKeyValue(KeyValue.of(KEY, requestId));
		}
		return context;
	}

}
