package com.pyairtable.observability.autoconfigure.airtable;

import java.time.Duration;

import com.pyairtable.observability.autoconfigure.core.PropertyValues;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Airtable API metrics.
 */
@ConfigurationProperties(AirtableMetricsProperties.PREFIX)
public class AirtableMetricsProperties {

	/** Prefix of the Airtable metrics properties. */
	public static final String PREFIX = "pyairtable.observability.metrics.airtable";

	/** Whether Airtable API calls are recorded. */
	private boolean enabled = true;

	/**
	 * Base URL of the Airtable API; calls whose URL starts with it are recorded.
	 * Placeholders such as ${local.server.port} are resolved at the first call.
	 */
	private String apiUrl = "https://api.airtable.com";

	/**
	 * Monthly API call quota of the plan, published as airtable_api_monthly_quota; 0 for
	 * none.
	 */
	private long monthlyQuota;

	/** Client-side call budget per base. */
	private final RateLimit rateLimit = new RateLimit();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public String getApiUrl() {
		return this.apiUrl;
	}

	public void setApiUrl(String apiUrl) {
		if (apiUrl == null || !(apiUrl.startsWith("http://") || apiUrl.startsWith("https://"))) {
			throw new IllegalArgumentException(PREFIX + ".api-url must be an http:// or https:// URL, was '"
					+ PropertyValues.forMessage(apiUrl) + "'");
		}
		this.apiUrl = apiUrl.endsWith("/") ? apiUrl.substring(0, apiUrl.length() - 1) : apiUrl;
	}

	public long getMonthlyQuota() {
		return this.monthlyQuota;
	}

	public void setMonthlyQuota(long monthlyQuota) {
		if (monthlyQuota < 0) {
			throw new IllegalArgumentException(
					PREFIX + ".monthly-quota must be 0 (none) or positive, was " + monthlyQuota);
		}
		this.monthlyQuota = monthlyQuota;
	}

	public RateLimit getRateLimit() {
		return this.rateLimit;
	}

	/**
	 * Client-side call budget per base, with Resilience4j's RateLimiter.
	 */
	public static class RateLimit {

		/**
		 * Whether calls wait for a client-side budget per base (per instance, not
		 * fleet-wide).
		 */
		private boolean enabled;

		/** Calls allowed per base per period. */
		private int limitForPeriod = 5;

		/** Period after which the budget refills. */
		private Duration period = Duration.ofSeconds(1);

		/** Longest a call waits for the budget before it goes ahead anyway. */
		private Duration timeout = Duration.ofSeconds(5);

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public int getLimitForPeriod() {
			return this.limitForPeriod;
		}

		public void setLimitForPeriod(int limitForPeriod) {
			if (limitForPeriod < 1) {
				throw new IllegalArgumentException(
						PREFIX + ".rate-limit.limit-for-period must be at least 1, was " + limitForPeriod);
			}
			this.limitForPeriod = limitForPeriod;
		}

		public Duration getPeriod() {
			return this.period;
		}

		public void setPeriod(Duration period) {
			if (period == null || period.isNegative() || period.isZero()) {
				throw new IllegalArgumentException(
						PREFIX + ".rate-limit.period must be a positive duration, was " + period);
			}
			this.period = period;
		}

		public Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(Duration timeout) {
			if (timeout == null || timeout.isNegative()) {
				throw new IllegalArgumentException(
						PREFIX + ".rate-limit.timeout must be zero or a positive duration, was " + timeout);
			}
			this.timeout = timeout;
		}

	}

}
