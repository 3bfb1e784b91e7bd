package com.pyairtable.observability.logging;

import java.io.IOException;

import org.slf4j.MDC;

import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

/**
 * Passes the current request id on to outgoing calls of Spring's HTTP clients, unless the
 * caller set one.
 */
public class RequestIdClientInterceptor implements ClientHttpRequestInterceptor {

	@Override
	public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
			throws IOException {
		String requestId = MDC.get(RequestIds.MDC_KEY);
		if (requestId != null && !request.getHeaders().containsHeader(RequestIds.HEADER)) {
			request.getHeaders().set(RequestIds.HEADER, requestId);
		}
		return execution.execute(request, body);
	}

}
