package com.pyairtable.observability.tracing;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Makes the request's method and path current on the request thread before the server
 * observation starts its span, so that {@link PolicySampler} path rules can match.
 */
public class RequestInfoFilter extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		RequestInfo info = new RequestInfo(request.getMethod(), path.isEmpty() ? "/" : path);
		try (RequestInfo.Restorer restorer = info.makeCurrent()) {
			chain.doFilter(request, response);
		}
	}

	@Override
	protected boolean shouldNotFilterAsyncDispatch() {
		return false;
	}

}
