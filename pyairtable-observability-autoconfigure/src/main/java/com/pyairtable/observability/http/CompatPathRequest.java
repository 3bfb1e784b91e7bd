package com.pyairtable.observability.http;

import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import org.jspecify.annotations.Nullable;

import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.UrlPathHelper;

/**
 * A request to a platform path presented as a request to the actuator path it mirrors:
 * URI, URL, servlet path and path info all name the actuator path, the query string and
 * everything else are the caller's.
 */
final class CompatPathRequest extends HttpServletRequestWrapper {

	/**
	 * Paths parsed from the original request and cached as attributes by a filter that
	 * ran before: kept apart, so that matchers after this wrapper parse the actuator
	 * path.
	 */
	private static final Set<String> PATH_ATTRIBUTES = Set.of(ServletRequestPathUtils.PATH_ATTRIBUTE,
			UrlPathHelper.PATH_ATTRIBUTE);

	private final String target;

	private final Map<String, Object> pathAttributes = new HashMap<>(4);

	/**
	 * Wraps a request.
	 * @param request the request to a platform path
	 * @param target the actuator path within the servlet context
	 */
	CompatPathRequest(HttpServletRequest request, String target) {
		super(request);
		this.target = target;
	}

	@Override
	public String getRequestURI() {
		return getContextPath() + this.target;
	}

	@Override
	public StringBuffer getRequestURL() {
		StringBuffer url = new StringBuffer();
		String scheme = getScheme();
		int port = getServerPort();
		url.append(scheme).append("://").append(getServerName());
		if (port > 0 && !(("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443))) {
			url.append(':').append(port);
		}
		return url.append(getRequestURI());
	}

	@Override
	public String getServletPath() {
		// The dispatcher servlet is mapped to "/" where the actuator is served: the whole
		// path.
		String servletPath = super.getServletPath();
		return (servletPath.isEmpty() && super.getPathInfo() != null) ? "" : this.target;
	}

	@Override
	public @Nullable String getPathInfo() {
		return (super.getServletPath().isEmpty() && super.getPathInfo() != null) ? this.target : null;
	}

	@Override
	public @Nullable Object getAttribute(String name) {
		return PATH_ATTRIBUTES.contains(name) ? this.pathAttributes.get(name) : super.getAttribute(name);
	}

	@Override
	public Enumeration<String> getAttributeNames() {
		Set<String> names = new LinkedHashSet<>(Collections.list(super.getAttributeNames()));
		names.removeAll(PATH_ATTRIBUTES);
		names.addAll(this.pathAttributes.keySet());
		return Collections.enumeration(names);
	}

	@Override
	public void setAttribute(String name, @Nullable Object value) {
		if (!PATH_ATTRIBUTES.contains(name)) {
			super.setAttribute(name, value);
		}
		else if (value != null) {
			this.pathAttributes.put(name, value);
		}
		else {
			this.pathAttributes.remove(name);
		}
	}

	@Override
	public void removeAttribute(String name) {
		if (PATH_ATTRIBUTES.contains(name)) {
			this.pathAttributes.remove(name);
		}
		else {
			super.removeAttribute(name);
		}
	}

}
