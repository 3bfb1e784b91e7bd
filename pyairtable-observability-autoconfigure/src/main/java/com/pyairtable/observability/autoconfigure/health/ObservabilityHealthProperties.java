package com.pyairtable.observability.autoconfigure.health;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.pyairtable.observability.autoconfigure.core.PropertyValues;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Health of the service: dependency checks declared in YAML, the time bound of every
 * health indicator, circuit breakers and the readiness group.
 */
@ConfigurationProperties(ObservabilityHealthProperties.PREFIX)
public class ObservabilityHealthProperties implements InitializingBean {

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

	private final Airtable airtable = new Airtable();

	private final Saga saga = new Saga();

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
		requirePositive(PREFIX + ".indicator-timeout", indicatorTimeout);
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
	public void afterPropertiesSet() {
		this.indicators.forEach((name, indicator) -> {
			if (indicator.getTimeout() != null) {
				requirePositive(PREFIX + ".indicators." + name + ".timeout", indicator.getTimeout());
			}
		});
		this.checks.forEach(this::validate);
	}

	private void validate(String name, Check check) {
		String key = PREFIX + ".checks." + name;
		if (!name.matches("[A-Za-z0-9_.-]+")) {
			throw new IllegalArgumentException(
					key + ": the check name '" + name + "' may only hold letters, digits, '_', '.' and '-'");
		}
		requirePositive(key + ".timeout", check.getTimeout());
		requirePositive(key + ".interval", check.getInterval());
		if (check.getType() == null) {
			throw new IllegalArgumentException(key + ".type must be set to 'http' or 'tcp'");
		}
		if (check.getType() == CheckType.HTTP) {
			validateHttp(key, check);
		}
		else {
			validateTcp(key, check);
		}
	}

	private static void validateHttp(String key, Check check) {
		String url = check.getUrl();
		if (url == null || url.isBlank()) {
			throw new IllegalArgumentException(key + ".url must be set for an http check");
		}
		try {
			URI uri = new URI(url.trim());
			String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
			if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
				throw new IllegalArgumentException(key + ".url was '" + PropertyValues.forMessage(url)
						+ "' but must be an absolute http:// or https:// URL with a host");
			}
		}
		catch (URISyntaxException ex) {
			throw new IllegalArgumentException(
					key + ".url was '" + PropertyValues.forMessage(url) + "' but is not a valid URL: " + ex.getReason());
		}
		for (Integer status : check.getExpectedStatuses()) {
			if (status == null || status < 100 || status > 599) {
				throw new IllegalArgumentException(key + ".expected-statuses contains " + status
						+ " but every status must be between 100 and 599");
			}
		}
	}

	private static void validateTcp(String key, Check check) {
		if (check.getHost() == null || check.getHost().isBlank()) {
			throw new IllegalArgumentException(key + ".host must be set for a tcp check");
		}
		Integer port = check.getPort();
		if (port == null) {
			throw new IllegalArgumentException(key + ".port must be set for a tcp check");
		}
		if (port < 1 || port > 65535) {
			throw new IllegalArgumentException(key + ".port was " + port + " but must be between 1 and 65535");
		}
	}

	private static void requirePositive(String key, @Nullable Duration value) {
		if (value == null || value.isNegative() || value.isZero()) {
			throw new IllegalArgumentException(key + " was " + value + " but must be a positive duration");
		}
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
	public Airtable getAirtable() {
		return this.airtable;
	}

	public Saga getSaga() {
		return this.saga;
	}

	/**
	 * Airtable rate limiting as health.
	 */
	public static class Airtable {

		/**
		 * Whether a run of HTTP 429 answers from Airtable makes the service DEGRADED.
		 */
		private boolean enabled = true;

		/**
		 * How many 429 answers within the window make the service DEGRADED (1 to 64).
		 */
		private int rateLimitHits = 3;

		/**
		 * The window the 429 answers are counted in.
		 */
		private Duration window = Duration.ofMinutes(1);

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public int getRateLimitHits() {
			return this.rateLimitHits;
		}

		public void setRateLimitHits(int rateLimitHits) {
			if (rateLimitHits < 1 || rateLimitHits > 64) {
				throw new IllegalArgumentException(PREFIX + ".airtable.rate-limit-hits was " + rateLimitHits
						+ " but must be between 1 and 64");
			}
			this.rateLimitHits = rateLimitHits;
		}

		public Duration getWindow() {
			return this.window;
		}

		public void setWindow(Duration window) {
			if (window.isNegative() || window.isZero()) {
				throw new IllegalArgumentException(
						PREFIX + ".airtable.window was " + window + " but must be a positive duration");
			}
			this.window = window;
		}

	}

	/**
	 * Long-running sagas as health.
	 */
	public static class Saga {

		/**
		 * Whether sagas running longer than 'stuck-after' make the service DEGRADED.
		 */
		private boolean enabled = true;

		/**
		 * How long a saga may run before it counts as stuck.
		 */
		private Duration stuckAfter = Duration.ofMinutes(5);

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public Duration getStuckAfter() {
			return this.stuckAfter;
		}

		public void setStuckAfter(Duration stuckAfter) {
			if (stuckAfter.isNegative() || stuckAfter.isZero()) {
				throw new IllegalArgumentException(
						PREFIX + ".saga.stuck-after was " + stuckAfter + " but must be a positive duration");
			}
			this.stuckAfter = stuckAfter;
		}

	}

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
		 * Spring Boot health indicators added to the readiness group when present.
		 */
		private List<String> indicators = new ArrayList<>(List.of("db", "redis"));

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public List<String> getIndicators() {
			return this.indicators;
		}

		public void setIndicators(List<String> indicators) {
			this.indicators = indicators;
		}

	}

}
