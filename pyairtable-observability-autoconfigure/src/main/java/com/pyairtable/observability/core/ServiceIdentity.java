package com.pyairtable.observability.core;

import java.util.LinkedHashMap;
import java.util.Map;

import io.micrometer.core.instrument.Tags;

/**
 * Who is speaking: the name, version, tier and environment that label every meter, span
 * and log line of the service.
 *
 * @param name the service name ({@code service} label)
 * @param version the service version ({@code version} label)
 * @param tier the service tier ({@code tier} label)
 * @param environment the deployment environment ({@code environment} label)
 */
public record ServiceIdentity(String name, String version, String tier, String environment) {

	/** Label carrying the service name. */
	public static final String SERVICE_TAG = "service";

	/** Label carrying the service version. */
	public static final String VERSION_TAG = "version";

	/** Label carrying the service tier. */
	public static final String TIER_TAG = "tier";

	/** Label carrying the deployment environment. */
	public static final String ENVIRONMENT_TAG = "environment";

	/**
	 * The identity as the four common meter tags.
	 * @return the tags
	 */
	public Tags tags() {
		return Tags.of(SERVICE_TAG, this.name, VERSION_TAG, this.version, TIER_TAG, this.tier, ENVIRONMENT_TAG,
				this.environment);
	}

	/**
	 * The identity as OpenTelemetry resource attributes (semantic-convention keys).
	 * @return the attributes, in a stable order
	 */
	public Map<String, String> resourceAttributes() {
		Map<String, String> attributes = new LinkedHashMap<>();
		attributes.put("service.name", this.name);
		attributes.put("service.version", this.version);
		attributes.put("service.tier", this.tier);
		attributes.put("deployment.environment.name", this.environment);
		return attributes;
	}

}
