package com.pyairtable.observability.core;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.http.server.observation.ServerRequestObservationConvention;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.filter.ServerHttpObservationFilter;

/**
 * Records request and response body sizes as {@code http.server.request.size} and
 * {@code http.server.response.size} (bytes), with the {@code method}, {@code uri},
 * {@code status} and {@code outcome} tags of {@code http.server.requests} so the three
 * can be joined. Runs inside the observation filter, and never fails a request: a
 * recording error is swallowed.
 */
public class HttpExchangeSizeFilter extends OncePerRequestFilter {

	/** Name of the request size summary. */
	public static final String REQUEST_SIZE = "http.server.request.size";

	/** Name of the response size summary. */
	public static final String RESPONSE_SIZE = "http.server.response.size";

	private static final Set<String> TAG_KEYS = Set.of("method", "uri", "status", "outcome");

	private final MeterRegistry registry;

	private final ServerRequestObservationConvention convention;

	private final ManagementRequests managementRequests;

	private final boolean recordManagementRequests;

	/**
	 * Creates a filter recording into the given registry.
	 * @param registry the registry
	 * @param convention the convention of {@code http.server.requests}, for identical tags
	 * @param managementRequests tells management requests apart
	 * @param recordManagementRequests whether management requests are recorded too
	 */
	public HttpExchangeSizeFilter(MeterRegistry registry, ServerRequestObservationConvention convention,
			ManagementRequests managementRequests, boolean recordManagementRequests) {
		this.registry = registry;
		this.convention = convention;
		this.managementRequests = managementRequests;
		this.recordManagementRequests = recordManagementRequests;
	}

	@Override
	protected boolean shouldNotFilterAsyncDispatch() {
		return true;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!this.recordManagementRequests && this.managementRequests.matches(request)) {
			chain.doFilter(request, response);
			return;
		}
		CountingResponseWrapper counting = new CountingResponseWrapper(response);
		try {
			chain.doFilter(request, counting);
		}
		finally {
			if (request.isAsyncStarted()) {
				request.getAsyncContext().addListener(new RecordOnComplete(request, counting));
			}
			else {
				record(request, counting);
			}
		}
	}

	private void record(HttpServletRequest request, CountingResponseWrapper response) {
		try {
			Tags tags = tags(request, response);
			long requestBytes = request.getContentLengthLong();
			if (requestBytes >= 0) {
				summary(REQUEST_SIZE, "Size of HTTP request bodies", tags).record(requestBytes);
			}
			summary(RESPONSE_SIZE, "Size of HTTP response bodies", tags).record(response.bytesWritten());
		}
		catch (RuntimeException ex) {
			// Telemetry must never change the answer the client gets.
			logger.debug("Could not record HTTP exchange sizes", ex);
		}
	}

	private DistributionSummary summary(String name, String description, Tags tags) {
		return DistributionSummary.builder(name).description(description).baseUnit("bytes").tags(tags)
			.register(this.registry);
	}

	private Tags tags(HttpServletRequest request, HttpServletResponse response) {
		Optional<ServerRequestObservationContext> context = ServerHttpObservationFilter
			.findObservationContext(request);
		if (context.isPresent()) {
			KeyValues keyValues = this.convention.getLowCardinalityKeyValues(context.get());
			List<Tag> tags = new ArrayList<>(TAG_KEYS.size());
			for (KeyValue keyValue : keyValues) {
				if (TAG_KEYS.contains(keyValue.getKey())) {
					tags.add(Tag.of(keyValue.getKey(), keyValue.getValue()));
				}
			}
			return Tags.of(tags);
		}
		return Tags.of("method", request.getMethod(), "status", Integer.toString(response.getStatus()));
	}

	private final class RecordOnComplete implements AsyncListener {

		private final HttpServletRequest request;

		private final CountingResponseWrapper response;

		RecordOnComplete(HttpServletRequest request, CountingResponseWrapper response) {
			this.request = request;
			this.response = response;
		}

		@Override
		public void onComplete(AsyncEvent event) {
			record(this.request, this.response);
		}

		@Override
		public void onTimeout(AsyncEvent event) {
		}

		@Override
		public void onError(AsyncEvent event) {
		}

		@Override
		public void onStartAsync(AsyncEvent event) {
		}

	}

}
