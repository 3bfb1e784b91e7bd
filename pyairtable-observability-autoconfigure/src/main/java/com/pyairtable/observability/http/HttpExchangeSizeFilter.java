package com.pyairtable.observability.http;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Counts the bytes of each request body the application reads and of each response body
 * as it passes, for {@link HttpExchangeSizeObservationHandler} to record when the
 * request's {@code http.server.requests} observation stops. Runs inside Boot's
 * observation filter.
 */
public class HttpExchangeSizeFilter extends OncePerRequestFilter {

	/** Request attribute holding the counting response of the exchange. */
	static final String COUNTING_RESPONSE_ATTRIBUTE = HttpExchangeSizeFilter.class.getName() + ".response";

	/** Request attribute holding the counting request of the exchange. */
	static final String COUNTING_REQUEST_ATTRIBUTE = HttpExchangeSizeFilter.class.getName() + ".request";

	private final ManagementRequests managementRequests;

	private final boolean recordManagementRequests;

	/**
	 * Creates the filter.
	 * @param managementRequests tells management requests apart
	 * @param recordManagementRequests whether management requests are counted too
	 */
	public HttpExchangeSizeFilter(ManagementRequests managementRequests, boolean recordManagementRequests) {
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
		// The body as read, not the declared Content-Length, which a caller can set to
		// anything.
		CountingRequestWrapper countingRequest = new CountingRequestWrapper(request);
		CountingResponseWrapper countingResponse = new CountingResponseWrapper(response);
		request.setAttribute(COUNTING_REQUEST_ATTRIBUTE, countingRequest);
		request.setAttribute(COUNTING_RESPONSE_ATTRIBUTE, countingResponse);
		chain.doFilter(countingRequest, countingResponse);
	}

}
