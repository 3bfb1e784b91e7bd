package com.pyairtable.observability.core;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Serves the platform's probe and scrape paths by forwarding them to the actuator
 * endpoints they mirror. A forward keeps status codes, content negotiation and the
 * security rules of the actuator endpoint itself (Spring Security applies its chain to
 * forwarded requests), so the two answers cannot drift apart.
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
		request.getRequestDispatcher(target).forward(request, response);
	}

	static String pathWithinContext(HttpServletRequest request) {
		String uri = request.getRequestURI();
		String contextPath = request.getContextPath();
		return (!contextPath.isEmpty() && uri.startsWith(contextPath)) ? uri.substring(contextPath.length()) : uri;
	}

}
