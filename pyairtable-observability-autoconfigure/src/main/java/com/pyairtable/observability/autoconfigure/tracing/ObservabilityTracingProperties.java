package com.pyairtable.observability.autoconfigure.tracing;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.pyairtable.observability.autoconfigure.core.OtlpEndpoint;
import com.pyairtable.observability.autoconfigure.core.PropertyValues;
import com.pyairtable.observability.tracing.RemoteParentPolicy;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Tracing policy: sampling, tail keeping of failed and slow traces, OTLP export.
 */
@ConfigurationProperties(ObservabilityTracingProperties.PREFIX)
public class ObservabilityTracingProperties {

	/** Prefix of the tracing properties. */
	public static final String PREFIX = "pyairtable.observability.tracing";

	/** Whether the tracing policy is enabled. */
	private boolean enabled = true;

	private final Sampling sampling = new Sampling();

	private final Export export = new Export();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public Sampling getSampling() {
		return this.sampling;
	}

	public Export getExport() {
		return this.export;
	}

	/** HTTP methods a sampling rule may name. */
	static final List<String> HTTP_METHODS = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS",
			"TRACE", "CONNECT");

	static Duration checkPositive(String key, Duration duration) {
		if (duration.isNegative() || duration.isZero()) {
			throw new IllegalArgumentException(PREFIX + "." + key + " was '" + duration + "' but must be positive");
		}
		return duration;
	}

	static double checkRatio(String key, @Nullable Double ratio) {
		if (ratio == null || ratio.isNaN() || ratio < 0.0 || ratio > 1.0) {
			throw new IllegalArgumentException(
					PREFIX + "." + key + " was '" + ratio + "' but must be a ratio between 0.0 and 1.0");
		}
		return ratio;
	}

	/** Head and tail sampling. */
	public static class Sampling {

		/**
		 * Ratio of new traces kept, overriding the environment and tier defaults
		 * (OTEL_SAMPLING_RATIO).
		 */
		private @Nullable Double ratio;

		/** Default ratio per deployment environment. */
		private Map<String, Double> environments = new LinkedHashMap<>(Map.of("development", 1.0, "production", 0.1));

		/** Default ratio per service tier; wins over the environment default. */
		private Map<String, Double> tiers = new LinkedHashMap<>();

		/** Ratio for environments not listed under environments. */
		private double defaultRatio = 1.0;

		/**
		 * Whether actuator, probe and scrape paths are never traced (rules placed before
		 * yours).
		 */
		private boolean excludeManagementPaths = true;

		/** Ordered rules; the first that matches gives the ratio of a new trace. */
		private List<Rule> rules = new ArrayList<>();

		/**
		 * Most new traces kept per second, and under remote-parent=cap also traces a
		 * caller's sampled traceparent asks for; 0 for no cap.
		 */
		private double maxTracesPerSecond = 100;

		/**
		 * How a caller's traceparent sampled flag is treated: honour, cap (follow it
		 * within max-traces-per-second) or ignore (decide as for a new trace).
		 */
		private RemoteParentPolicy remoteParent = RemoteParentPolicy.CAP;

		/** Duration above which a local root span is slow and its trace kept. */
		private Duration slowThreshold = Duration.ofSeconds(2);

		private final Tail tail = new Tail();

		public @Nullable Double getRatio() {
			return this.ratio;
		}

		public void setRatio(@Nullable Double ratio) {
			this.ratio = (ratio != null) ? checkRatio("sampling.ratio", ratio) : null;
		}

		public Map<String, Double> getEnvironments() {
			return this.environments;
		}

		public void setEnvironments(Map<String, Double> environments) {
			environments.forEach((name, ratio) -> checkRatio("sampling.environments." + name, ratio));
			this.environments = environments;
		}

		public Map<String, Double> getTiers() {
			return this.tiers;
		}

		public void setTiers(Map<String, Double> tiers) {
			tiers.forEach((name, ratio) -> checkRatio("sampling.tiers." + name, ratio));
			this.tiers = tiers;
		}

		public double getDefaultRatio() {
			return this.defaultRatio;
		}

		public void setDefaultRatio(double defaultRatio) {
			this.defaultRatio = checkRatio("sampling.default-ratio", defaultRatio);
		}

		public boolean isExcludeManagementPaths() {
			return this.excludeManagementPaths;
		}

		public void setExcludeManagementPaths(boolean excludeManagementPaths) {
			this.excludeManagementPaths = excludeManagementPaths;
		}

		public List<Rule> getRules() {
			return this.rules;
		}

		public void setRules(List<Rule> rules) {
			// Checked here rather than in Rule, so that the message names the rule's
			// index.
			for (int i = 0; i < rules.size(); i++) {
				checkRatio("sampling.rules[" + i + "].ratio", rules.get(i).getRatio());
				String method = rules.get(i).getMethod();
				if (method != null && !HTTP_METHODS.contains(method)) {
					throw new IllegalArgumentException(
							PREFIX + ".sampling.rules[" + i + "].method was '" + PropertyValues.forMessage(method)
									+ "' but must be one of " + String.join(", ", HTTP_METHODS));
				}
			}
			this.rules = rules;
		}

		public double getMaxTracesPerSecond() {
			return this.maxTracesPerSecond;
		}

		public void setMaxTracesPerSecond(double maxTracesPerSecond) {
			if (maxTracesPerSecond < 0 || Double.isNaN(maxTracesPerSecond)) {
				throw new IllegalArgumentException(PREFIX + ".sampling.max-traces-per-second was '" + maxTracesPerSecond
						+ "' but must be 0 (no cap) or more");
			}
			this.maxTracesPerSecond = maxTracesPerSecond;
		}

		public RemoteParentPolicy getRemoteParent() {
			return this.remoteParent;
		}

		public void setRemoteParent(RemoteParentPolicy remoteParent) {
			this.remoteParent = remoteParent;
		}

		public Duration getSlowThreshold() {
			return this.slowThreshold;
		}

		public void setSlowThreshold(Duration slowThreshold) {
			this.slowThreshold = checkPositive("sampling.slow-threshold", slowThreshold);
		}

		public Tail getTail() {
			return this.tail;
		}

		/**
		 * The ratio for new traces no rule matches.
		 * @param environment the deployment environment
		 * @param tier the service tier
		 * @return the ratio
		 */
		public double ratioFor(String environment, String tier) {
			if (this.ratio != null) {
				return this.ratio;
			}
			Double byTier = this.tiers.get(tier);
			if (byTier != null) {
				return byTier;
			}
			return this.environments.getOrDefault(environment, this.defaultRatio);
		}

	}

	/** A sampling rule: every condition set must match. */
	public static class Rule {

		/** Ant-style pattern of the request path or route, such as /api/v1/bases/**. */
		private @Nullable String path;

		/** HTTP method. */
		private @Nullable String method;

		/** Span name. */
		private @Nullable String spanName;

		/** Span attribute that must be present at span start. */
		private @Nullable String attribute;

		/** Value the attribute must have; any value when unset. */
		private @Nullable String value;

		/** Ratio of matching new traces kept. */
		private double ratio = 1.0;

		public @Nullable String getPath() {
			return this.path;
		}

		public void setPath(@Nullable String path) {
			this.path = path;
		}

		public @Nullable String getMethod() {
			return this.method;
		}

		public void setMethod(@Nullable String method) {
			this.method = (method != null) ? method.toUpperCase(Locale.ROOT) : null;
		}

		public @Nullable String getSpanName() {
			return this.spanName;
		}

		public void setSpanName(@Nullable String spanName) {
			this.spanName = spanName;
		}

		public @Nullable String getAttribute() {
			return this.attribute;
		}

		public void setAttribute(@Nullable String attribute) {
			this.attribute = attribute;
		}

		public @Nullable String getValue() {
			return this.value;
		}

		public void setValue(@Nullable String value) {
			this.value = value;
		}

		public double getRatio() {
			return this.ratio;
		}

		public void setRatio(double ratio) {
			this.ratio = ratio;
		}

	}

	/** Buffer of spans of head-dropped traces awaiting their local root. */
	public static class Tail {

		/** Whether failed and slow traces are kept although the head dropped them. */
		private boolean enabled = true;

		/** Most spans held at once; the oldest are dropped beyond it. */
		private int maxSpans = 2048;

		/** Longest time a span waits for its local root before it is released. */
		private Duration maxAge = Duration.ofSeconds(60);

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public int getMaxSpans() {
			return this.maxSpans;
		}

		public void setMaxSpans(int maxSpans) {
			if (maxSpans < 1 || maxSpans > 1_000_000) {
				throw new IllegalArgumentException(
						PREFIX + ".sampling.tail.max-spans was '" + maxSpans + "' but must be between 1 and 1000000");
			}
			this.maxSpans = maxSpans;
		}

		public Duration getMaxAge() {
			return this.maxAge;
		}

		public void setMaxAge(Duration maxAge) {
			this.maxAge = checkPositive("sampling.tail.max-age", maxAge);
		}

	}

	/**
	 * OTLP export, handed to Spring Boot's exporter through its connection details and
	 * builder customizers; Boot's own management.opentelemetry.tracing.export.otlp.* keys
	 * win.
	 */
	public static class Export {

		/**
		 * Collector base URL, such as http://otel-collector:4318 (/v1/traces is appended
		 * over HTTP when it has no path); export is off while unset.
		 */
		private @Nullable URI endpoint;

		/** OTLP protocol: http/protobuf or grpc. */
		private OtlpProtocol protocol = OtlpProtocol.HTTP_PROTOBUF;

		/** Headers sent with every export, such as an authorization header. */
		private Map<String, String> headers = new LinkedHashMap<>();

		/** Timeout of one export call. */
		private Duration timeout = Duration.ofSeconds(10);

		/** Payload compression. */
		private OtlpCompression compression = OtlpCompression.NONE;

		/** Least time between two warnings about failed exports. */
		private Duration warningInterval = Duration.ofMinutes(1);

		public @Nullable URI getEndpoint() {
			return this.endpoint;
		}

		public void setEndpoint(@Nullable URI endpoint) {
			this.endpoint = OtlpEndpoint.check(PREFIX + ".export.endpoint", endpoint);
		}

		public OtlpProtocol getProtocol() {
			return this.protocol;
		}

		public void setProtocol(OtlpProtocol protocol) {
			this.protocol = protocol;
		}

		public Map<String, String> getHeaders() {
			return this.headers;
		}

		public void setHeaders(Map<String, String> headers) {
			this.headers = headers;
		}

		public Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(Duration timeout) {
			this.timeout = checkPositive("export.timeout", timeout);
		}

		public OtlpCompression getCompression() {
			return this.compression;
		}

		public void setCompression(OtlpCompression compression) {
			this.compression = compression;
		}

		public Duration getWarningInterval() {
			return this.warningInterval;
		}

		public void setWarningInterval(Duration warningInterval) {
			this.warningInterval = checkPositive("export.warning-interval", warningInterval);
		}

	}

}
