package com.pyairtable.observability.http;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

/**
 * Tells actuator and platform probe requests apart from the application's own.
 */
public class ManagementRequests {

	private final String actuatorPrefix;

	private final @Nullable CompatPaths compatPaths;

	/**
	 * Creates a matcher for the given paths.
	 * @param actuatorBasePath the actuator base path, such as {@code /actuator}
	 * @param compatPaths the platform's paths when they are served, else {@code null}
	 */
	public ManagementRequests(String actuatorBasePath, @Nullable CompatPaths compatPaths) {
		this.actuatorPrefix = actuatorBasePath.endsWith("/") ? actuatorBasePath : actuatorBasePath + "/";
		this.compatPaths = compatPaths;
	}

	/**
	 * Whether the request is for an actuator endpoint or a platform probe path.
	 * @param request the request
	 * @return whether it is a management request
	 */
	public boolean matches(HttpServletRequest request) {
		return matches(PlatformRequestFilter.pathWithinContext(request));
	}

	/**
	 * Whether the path is an actuator endpoint or a platform probe path.
	 * @param path the path within the servlet context
	 * @return whether it is a management path
	 */
	public boolean matches(String path) {
		String prefix = this.actuatorPrefix;
		if (path.startsWith(prefix)
				|| (path.length() + 1 == prefix.length() && prefix.startsWith(path) && prefix.endsWith("/"))) {
			return true;
		}
		return this.compatPaths != null && this.compatPaths.isCompatPath(path);
	}

}
