package com.pyairtable.observability.autoconfigure.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.pyairtable.observability.core.ServiceIdentity;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Root of the {@code pyairtable.observability} properties tree: the switch for the whole
 * starter, the service identity, HTTP defaults and the platform's compatibility paths.
 *
 * @see ServiceIdentity
 */
@ConfigurationProperties(ObservabilityProperties.PREFIX)
public class ObservabilityProperties {

	/** Prefix of every property of the starter. */
	public static final String PREFIX = "pyairtable.observability";

	/** Service tiers known to the platform's dashboards and sampling rules. */
	public static final List<String> TIERS = List.of("gateway", "ai-ml", "application", "background");

	private static final Pattern ENVIRONMENT_NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,62}");

	/**
	 * Whether the starter is enabled. When false, none of its beans or defaults apply.
	 */
	private boolean enabled = true;

	private final Service service = new Service();

	private final Http http = new Http();

	private final Endpoints endpoints = new Endpoints();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public Service getService() {
		return this.service;
	}

	public Http getHttp() {
		return this.http;
	}

	public Endpoints getEndpoints() {
		return this.endpoints;
	}

	/**
	 * Identity of the service, applied as common tags, OpenTelemetry resource attributes
	 * and log fields.
	 */
	public static class Service {

		/**
		 * Name of the service. Defaults to 'spring.application.name'; the SERVICE_NAME
		 * environment variable is honoured as a fallback.
		 */
		private @Nullable String name;

		/**
		 * Version of the service. Defaults to the build-info version, else 'unknown'.
		 */
		private @Nullable String version;

		/**
		 * Tier of the service: gateway, ai-ml, application or background.
		 */
		private String tier = "application";

		/**
		 * Deployment environment, such as development, staging or production.
		 */
		private String environment = "development";

		public @Nullable String getName() {
			return this.name;
		}

		public void setName(@Nullable String name) {
			if (name != null && name.isBlank()) {
				throw new IllegalArgumentException(
						PREFIX + ".service.name must not be blank; remove it to use spring.application.name");
			}
			this.name = (name != null) ? name.trim() : null;
		}

		public @Nullable String getVersion() {
			return this.version;
		}

		public void setVersion(@Nullable String version) {
			this.version = (version != null && !version.isBlank()) ? version.trim() : null;
		}

		public String getTier() {
			return this.tier;
		}

		public void setTier(String tier) {
			String normalized = ServiceIdentity.normalize(tier);
			if (!TIERS.contains(normalized)) {
				throw new IllegalArgumentException(PREFIX + ".service.tier was '" + PropertyValues.forMessage(tier)
						+ "' but must be one of " + String.join(", ", TIERS));
			}
			this.tier = normalized;
		}

		public String getEnvironment() {
			return this.environment;
		}

		public void setEnvironment(String environment) {
			String normalized = ServiceIdentity.normalize(environment);
			if (!ENVIRONMENT_NAME.matcher(normalized).matches()) {
				throw new IllegalArgumentException(PREFIX + ".service.environment was '"
						+ PropertyValues.forMessage(environment)
						+ "' but must be 1 to 63 lower-case letters, digits, '-' or '_' (for example development, staging, production)");
			}
			this.environment = normalized;
		}

	}

	/**
	 * HTTP server metrics defaults.
	 */
	public static class Http {

		/**
		 * Histogram buckets of 'http.server.requests', at the SLO boundaries.
		 */
		private List<Duration> latencyBuckets = new ArrayList<>(
				List.of(Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
						Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofSeconds(5)));

		/**
		 * Whether actuator and probe requests are observed (counted in
		 * 'http.server.requests' and traced).
		 */
		private boolean observeManagementRequests = false;

		/**
		 * Whether request and response sizes are recorded as 'http.server.request.size'
		 * and 'http.server.response.size'.
		 */
		private boolean recordSizes = true;

		public List<Duration> getLatencyBuckets() {
			return this.latencyBuckets;
		}

		public void setLatencyBuckets(List<Duration> latencyBuckets) {
			String key = PREFIX + ".http.latency-buckets";
			if (latencyBuckets.isEmpty()) {
				throw new IllegalArgumentException(key + " must list at least one duration");
			}
			Duration previous = Duration.ZERO;
			for (Duration bucket : latencyBuckets) {
				if (bucket.isNegative() || bucket.isZero()) {
					throw new IllegalArgumentException(
							key + " contains " + bucket + " but every bucket must be positive");
				}
				if (bucket.compareTo(previous) <= 0) {
					throw new IllegalArgumentException(key + " is " + latencyBuckets
							+ " but must be strictly ascending (for example 100ms,250ms,500ms,1s)");
				}
				previous = bucket;
			}
			this.latencyBuckets = new ArrayList<>(latencyBuckets);
		}

		public boolean isObserveManagementRequests() {
			return this.observeManagementRequests;
		}

		public void setObserveManagementRequests(boolean observeManagementRequests) {
			this.observeManagementRequests = observeManagementRequests;
		}

		public boolean isRecordSizes() {
			return this.recordSizes;
		}

		public void setRecordSizes(boolean recordSizes) {
			this.recordSizes = recordSizes;
		}

	}

	/**
	 * The platform's own endpoint paths.
	 */
	public static class Endpoints {

		private final CompatPaths compatPaths = new CompatPaths();

		public CompatPaths getCompatPaths() {
			return this.compatPaths;
		}

		/**
		 * The platform's probe and scrape paths mirroring the actuator endpoints.
		 */
		public static class CompatPaths {

			/**
			 * Whether /health, /health/live, /live, /health/ready, /ready,
			 * /health/detailed and /metrics are served.
			 */
			private boolean enabled = true;

			public boolean isEnabled() {
				return this.enabled;
			}

			public void setEnabled(boolean enabled) {
				this.enabled = enabled;
			}

		}

	}

}
