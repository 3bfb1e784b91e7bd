package com.pyairtable.observability.core;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Counts the bytes of each response body as it passes, for
 * {@link HttpExchangeSizeObservationHandler} to record when the request's
 * {@code http.server.requests} observation stops. Runs inside Boot's observation filter.
 */
public class HttpExchangeSizeFilter extends OncePerRequestFilter {

	/** Request attribute holding the counting response of the exchange. */
	static final String COUNTING_RESPONSE_ATTRIBUTE = HttpExchangeSizeFilter.class.getName() + ".response";

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
		CountingResponseWrapper counting = new CountingResponseWrapper(response);
		request.setAttribute(COUNTING_RESPONSE_ATTRIBUTE, counting);
		chain.doFilter(request, counting);
	}

}
