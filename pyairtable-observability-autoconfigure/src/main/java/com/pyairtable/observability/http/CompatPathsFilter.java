package com.pyairtable.observability.http;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Serves the platform's probe and scrape paths as the actuator endpoints they mirror by
 * rewriting the request's path before Spring Security and the dispatcher servlet see it.
 * The request stays a {@code REQUEST} dispatch, so every filter after this one, Spring
 * Security's above all, sees exactly what a direct request to the actuator path shows:
 * the mirrored path is as protected as the endpoint under any security configuration
 * (rules by path, by {@code EndpointRequest}, per dispatcher type), and status codes and
 * content negotiation are the endpoint's own. A forward would not do: a filter chain that
 * permits {@code FORWARD} dispatches or filters only {@code REQUEST} ones would let the
 * platform path through while the actuator path stays protected.
 */
public class CompatPathsFilter extends OncePerRequestFilter {

	private final CompatPaths paths;

	/**
	 * Creates a filter serving the given paths.
	 * @param paths the path table
	 */
	public CompatPathsFilter(CompatPaths paths) {
		this.paths = paths;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String target = this.paths.targetOf(pathWithinContext(request));
		if (target == null) {
			chain.doFilter(request, response);
			return;
		}
		chain.doFilter(new CompatPathRequest(request, target), response);
	}

	static String pathWithinContext(HttpServletRequest request) {
		String uri = request.getRequestURI();
		String contextPath = request.getContextPath();
		return (!contextPath.isEmpty() && uri.startsWith(contextPath)) ? uri.substring(contextPath.length()) : uri;
	}

}
