package com.pyairtable.observability.logging;

import java.io.IOException;

import io.opentelemetry.api.trace.Span;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Takes {@code X-Request-ID} from the request (or generates one), puts it in the log
 * context and on the server span, and echoes it on the response. Clears the request's log
 * context (request and business keys) when the request ends.
 */
public class RequestIdFilter extends OncePerRequestFilter {

	/** Request attribute holding the accepted id. */
	public static final String ATTRIBUTE = RequestIdFilter.class.getName() + ".requestId";

	private final boolean tagSpan;

	/**
	 * Creates the filter.
	 * @param tagSpan whether to put the id on the current span ({@code request.id})
	 */
	public RequestIdFilter(boolean tagSpan) {
		this.tagSpan = tagSpan;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String requestId = RequestIds.accept(request.getHeader(RequestIds.HEADER));
		request.setAttribute(ATTRIBUTE, requestId);
		response.setHeader(RequestIds.HEADER, requestId);
		MDC.put(RequestIds.MDC_KEY, requestId);
		if (this.tagSpan) {
			try {
				Span.current().setAttribute("request.id", requestId);
			}
			catch (RuntimeException | LinkageError ex) {
				// Tracing is optional.
			}
		}
		try {
			chain.doFilter(request, response);
		}
		finally {
			MDC.remove(RequestIds.MDC_KEY);
			BusinessContext.clear();
		}
	}

}
