package com.pyairtable.observability.sample;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the sample service.
 */
@ConfigurationProperties("sample")
public class SampleProperties {

	private final Traffic traffic = new Traffic();

	/**
	 * Airtable base the sample works on.
	 */
	private String airtableBase = "appSample0000001";

	public Traffic getTraffic() {
		return this.traffic;
	}

	public String getAirtableBase() {
		return this.airtableBase;
	}

	public void setAirtableBase(String airtableBase) {
		this.airtableBase = airtableBase;
	}

	/**
	 * The built-in traffic generator.
	 */
	public static class Traffic {

		/**
		 * Whether the service calls its own endpoints so that metrics have live data.
		 */
		private boolean enabled = true;

		/**
		 * Pause between two generated requests.
		 */
		private Duration interval = Duration.ofMillis(200);

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public Duration getInterval() {
			return this.interval;
		}

		public void setInterval(Duration interval) {
			if (interval.isNegative() || interval.isZero()) {
				throw new IllegalArgumentException("sample.traffic.interval must be positive but was " + interval);
			}
			this.interval = interval;
		}

	}

}
