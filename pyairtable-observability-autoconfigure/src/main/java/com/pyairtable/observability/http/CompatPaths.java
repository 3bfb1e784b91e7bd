package com.pyairtable.observability.http;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The platform's probe and scrape paths and the actuator endpoint each one mirrors.
 */
public final class CompatPaths {

	private final Map<String, String> targets;

	/**
	 * Creates the path table for actuator endpoints served under the given base path.
	 * @param actuatorBasePath the actuator base path as seen by the servlet context, such
	 * as {@code /actuator}, or empty when endpoints are served at the root
	 */
	public CompatPaths(String actuatorBasePath) {
		String base = actuatorBasePath.equals("/") ? "" : stripTrailingSlash(actuatorBasePath);
		Map<String, String> table = new LinkedHashMap<>();
		table.put("/health", base + "/health");
		table.put("/health/live", base + "/health/liveness");
		table.put("/live", base + "/health/liveness");
		table.put("/health/ready", base + "/health/readiness");
		table.put("/ready", base + "/health/readiness");
		table.put("/health/detailed", base + "/health");
		table.put("/metrics", base + "/prometheus");
		this.targets = Map.copyOf(table);
	}

	/**
	 * The actuator path a platform path mirrors.
	 * @param path a path relative to the servlet context
	 * @return the actuator path, or {@code null} when the path is not one of the
	 * platform's
	 */
	public @Nullable String targetOf(String path) {
		String target = this.targets.get(path);
		if (target == null && path.length() > 1 && path.endsWith("/")) {
			target = this.targets.get(path.substring(0, path.length() - 1));
		}
		return target;
	}

	/**
	 * Whether the path is one of the platform's paths.
	 * @param path a path relative to the servlet context
	 * @return whether it is mirrored
	 */
	public boolean isCompatPath(String path) {
		return targetOf(path) != null;
	}

	private static String stripTrailingSlash(String path) {
		return (path.endsWith("/")) ? path.substring(0, path.length() - 1) : path;
	}

}
