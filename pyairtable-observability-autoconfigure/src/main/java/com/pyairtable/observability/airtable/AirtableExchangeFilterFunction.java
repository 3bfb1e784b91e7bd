package com.pyairtable.observability.airtable;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;

/**
 * Records calls to the Airtable API made through {@code WebClient}. The client-side
 * budget is not applied here: waiting for it would block a reactive thread.
 */
public class AirtableExchangeFilterFunction implements ExchangeFilterFunction {

	private static final Log logger = LogFactory.getLog(AirtableExchangeFilterFunction.class);

	private final AirtableMetrics metrics;

	private final AirtableApiUrl apiUrl;

	/**
	 * Creates a filter.
	 * @param metrics where calls are recorded
	 * @param apiUrl the Airtable API base URL
	 */
	public AirtableExchangeFilterFunction(AirtableMetrics metrics, AirtableApiUrl apiUrl) {
		this.metrics = metrics;
		this.apiUrl = apiUrl;
	}

	@Override
	public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
		AirtableRequest airtableRequest = parse(request);
		if (airtableRequest == null) {
			return next.exchange(request);
		}
		return Mono.defer(() -> {
			long start = System.nanoTime();
			return next.exchange(request)
				.doOnNext((response) -> this.metrics.recordCall(airtableRequest, response.statusCode().value(),
						System.nanoTime() - start))
				.doOnError((ex) -> this.metrics.recordCall(airtableRequest, -1, System.nanoTime() - start));
		});
	}

	private @Nullable AirtableRequest parse(ClientRequest request) {
		try {
			return AirtableRequest.parse(this.apiUrl.get(), request.method().name(), request.url());
		}
		catch (RuntimeException ex) {
			logger.debug("Could not parse an Airtable request", ex);
			return null;
		}
	}

}
