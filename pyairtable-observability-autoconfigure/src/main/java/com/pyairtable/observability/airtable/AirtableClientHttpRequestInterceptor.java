package com.pyairtable.observability.airtable;

import java.io.IOException;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

/**
 * Records calls to the Airtable API made through {@code RestClient} or
 * {@code RestTemplate}, and waits for the client-side budget when one is enabled. Other
 * calls pass untouched.
 */
public class AirtableClientHttpRequestInterceptor implements ClientHttpRequestInterceptor {

	private static final Log logger = LogFactory.getLog(AirtableClientHttpRequestInterceptor.class);

	private final AirtableMetrics metrics;

	private final AirtableApiUrl apiUrl;

	/**
	 * Creates an interceptor.
	 * @param metrics where calls are recorded
	 * @param apiUrl the Airtable API base URL
	 */
	public AirtableClientHttpRequestInterceptor(AirtableMetrics metrics, AirtableApiUrl apiUrl) {
		this.metrics = metrics;
		this.apiUrl = apiUrl;
	}

	@Override
	public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
			throws IOException {
		AirtableRequest airtableRequest = parse(request);
		if (airtableRequest == null) {
			return execution.execute(request, body);
		}
		this.metrics.awaitBudget(airtableRequest);
		long start = System.nanoTime();
		ClientHttpResponse response;
		try {
			response = execution.execute(request, body);
		}
		catch (IOException | RuntimeException ex) {
			this.metrics.recordCall(airtableRequest, -1, System.nanoTime() - start);
			throw ex;
		}
		this.metrics.recordCall(airtableRequest, status(response), System.nanoTime() - start);
		return response;
	}

	private @Nullable AirtableRequest parse(HttpRequest request) {
		try {
			return AirtableRequest.parse(this.apiUrl.get(), request.getMethod().name(), request.getURI());
		}
		catch (RuntimeException ex) {
			logger.debug("Could not parse an Airtable request", ex);
			return null;
		}
	}

	private static int status(ClientHttpResponse response) {
		try {
			return response.getStatusCode().value();
		}
		catch (IOException | RuntimeException ex) {
			return -1;
		}
	}

}
