package com.pyairtable.observability.autoconfigure.health;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.DeprecatedConfigurationProperty;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * Health of the service: dependency checks declared in YAML, the time bound of every
 * health indicator, circuit breakers and the readiness group. Validated when bound
 * ({@link HealthPropertiesValidator}), so that a wrong value fails startup naming its
 * key.
 */
@ConfigurationProperties(ObservabilityHealthProperties.PREFIX)
public class ObservabilityHealthProperties implements Validator {

	/** Prefix of the health properties. */
	public static final String PREFIX = "pyairtable.observability.health";

	/**
	 * Whether the starter's health features are enabled.
	 */
	private boolean enabled = true;

	/**
	 * Time a health indicator may take before it is reported DOWN (DEGRADED when not
	 * critical).
	 */
	private Duration indicatorTimeout = Duration.ofSeconds(2);

	/**
	 * Maximum number of threads running health indicators; a hung indicator holds one.
	 */
	private int indicatorThreads = 8;

	/**
	 * Per-indicator overrides of the time bound, by contributor name ('db',
	 * 'dependencies/airtable').
	 */
	private final Map<String, Indicator> indicators = new LinkedHashMap<>();

	/**
	 * Dependency checks, by name, run in the background on their interval.
	 */
	private final Map<String, Check> checks = new LinkedHashMap<>();

	private final CircuitBreakers circuitBreakers = new CircuitBreakers();

	private final Readiness readiness = new Readiness();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public Duration getIndicatorTimeout() {
		return this.indicatorTimeout;
	}

	public void setIndicatorTimeout(Duration indicatorTimeout) {
		this.indicatorTimeout = indicatorTimeout;
	}

	public int getIndicatorThreads() {
		return this.indicatorThreads;
	}

	public void setIndicatorThreads(int indicatorThreads) {
		if (indicatorThreads < 1) {
			throw new IllegalArgumentException(
					PREFIX + ".indicator-threads was " + indicatorThreads + " but must be at least 1");
		}
		this.indicatorThreads = indicatorThreads;
	}

	public Map<String, Indicator> getIndicators() {
		return this.indicators;
	}

	public Map<String, Check> getChecks() {
		return this.checks;
	}

	public CircuitBreakers getCircuitBreakers() {
		return this.circuitBreakers;
	}

	public Readiness getReadiness() {
		return this.readiness;
	}

	@Override
	public boolean supports(Class<?> type) {
		return ObservabilityHealthProperties.class == type;
	}

	@Override
	public void validate(Object target, Errors errors) {
		HealthPropertiesValidator.validate((ObservabilityHealthProperties) target, errors);
	}

	/**
	 * Type of a dependency check.
	 */
	public enum CheckType {

		/** A GET on a URL, healthy on an expected status. */
		HTTP,

		/** A TCP connection to a host and port. */
		TCP

	}

	/**
	 * A dependency checked in the background.
	 */
	public static class Check {

		/**
		 * Type of the check: 'http' or 'tcp'.
		 */
		private @Nullable CheckType type;

		/**
		 * URL called by an http check; user info and query are never shown.
		 */
		// A String rather than a URI: a URI that fails to parse would fail binding with
		// the
		// whole value, token included, in the message.
		private @Nullable String url;

		/**
		 * Host of a tcp check.
		 */
		private @Nullable String host;

		/**
		 * Port of a tcp check.
		 */
		private @Nullable Integer port;

		/**
		 * Time the check may take before it fails.
		 */
		private Duration timeout = Duration.ofSeconds(2);

		/**
		 * Time between the end of a check and the start of the next.
		 */
		private Duration interval = Duration.ofSeconds(15);

		/**
		 * Whether a failure takes readiness DOWN; when false a failure makes the service
		 * DEGRADED but still ready.
		 */
		private boolean critical = true;

		/**
		 * HTTP statuses meaning healthy; any 2xx when empty.
		 */
		private List<Integer> expectedStatuses = new ArrayList<>();

		/**
		 * Request headers of an http check; values may be ${ENV} placeholders and are
		 * never shown.
		 */
		private Map<String, String> headers = new LinkedHashMap<>();

		public @Nullable CheckType getType() {
			return this.type;
		}

		public void setType(@Nullable CheckType type) {
			this.type = type;
		}

		public @Nullable String getUrl() {
			return this.url;
		}

		public void setUrl(@Nullable String url) {
			this.url = url;
		}

		public @Nullable String getHost() {
			return this.host;
		}

		public void setHost(@Nullable String host) {
			this.host = host;
		}

		public @Nullable Integer getPort() {
			return this.port;
		}

		public void setPort(@Nullable Integer port) {
			this.port = port;
		}

		public Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(Duration timeout) {
			this.timeout = timeout;
		}

		public Duration getInterval() {
			return this.interval;
		}

		public void setInterval(Duration interval) {
			this.interval = interval;
		}

		public boolean isCritical() {
			return this.critical;
		}

		public void setCritical(boolean critical) {
			this.critical = critical;
		}

		public List<Integer> getExpectedStatuses() {
			return this.expectedStatuses;
		}

		public void setExpectedStatuses(List<Integer> expectedStatuses) {
			this.expectedStatuses = expectedStatuses;
		}

		public Map<String, String> getHeaders() {
			return this.headers;
		}

		public void setHeaders(Map<String, String> headers) {
			this.headers = headers;
		}

	}

	/**
	 * Override of the time bound of one health indicator.
	 */
	public static class Indicator {

		/**
		 * Time the indicator may take; defaults to the global indicator timeout.
		 */
		private @Nullable Duration timeout;

		/**
		 * Whether a timeout is reported DOWN rather than DEGRADED.
		 */
		private boolean critical = true;

		public @Nullable Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(@Nullable Duration timeout) {
			this.timeout = timeout;
		}

		public boolean isCritical() {
			return this.critical;
		}

		public void setCritical(boolean critical) {
			this.critical = critical;
		}

	}

	/**
	 * Health of Resilience4j's circuit breakers.
	 */
	public static class CircuitBreakers {

		/**
		 * Whether an open circuit breaker makes the service DEGRADED.
		 */
		private boolean enabled = true;

		/**
		 * Names of the circuit breakers whose opening takes readiness DOWN.
		 */
		private List<String> critical = new ArrayList<>();

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public List<String> getCritical() {
			return this.critical;
		}

		public void setCritical(List<String> critical) {
			this.critical = critical;
		}

	}

	/**
	 * Members the starter adds to the readiness group.
	 */
	public static class Readiness {

		/**
		 * Whether to add the critical checks and the indicators below to the readiness
		 * group.
		 */
		private boolean enabled = true;

		/**
		 * Spring Boot health indicators added to the readiness group when present; unset,
		 * 'db' and 'redis' unless the readiness group lists its own members.
		 */
		private @Nullable List<String> indicators;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		/**
		 * Spring Boot health indicators added to the readiness group when present.
		 * @return the indicators, or {@code null} when not set
		 */
		@DeprecatedConfigurationProperty(replacement = "management.endpoint.health.group.readiness.include",
				reason = "Spring Boot's readiness group holds the members", since = "0.1.0")
		public @Nullable List<String> getIndicators() {
			return this.indicators;
		}

		public void setIndicators(@Nullable List<String> indicators) {
			this.indicators = indicators;
		}

	}

}
