package com.pyairtable.observability.autoconfigure.opskit;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.pyairtable.observability.autoconfigure.core.ObservabilityProperties;
import com.pyairtable.observability.opskit.SloDefinition;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Alert and SLO properties of the operations kit:
 * {@code pyairtable.observability.alerts.<alert>.*} and
 * {@code pyairtable.observability.slo.<name>.*}.
 */
@ConfigurationProperties(ObservabilityProperties.PREFIX)
public class OpsKitRulesProperties implements InitializingBean {

	/** Severities an alert may have. */
	public static final List<String> SEVERITIES = List.of("critical", "warning", "info");

	/**
	 * Settings of the generated alerts by alert name (such as ServiceDown); unset values
	 * keep the defaults listed in the ops kit documentation.
	 */
	private final Map<String, Alert> alerts = new LinkedHashMap<>();

	/**
	 * Service level objectives by name.
	 */
	private final Map<String, Slo> slo = new LinkedHashMap<>();

	public Map<String, Alert> getAlerts() {
		return this.alerts;
	}

	public Map<String, Slo> getSlo() {
		return this.slo;
	}

	/**
	 * Checks every alert and SLO entry with its full key: the binder fills map values
	 * without their name, so the setters leave the checks to this method.
	 * @throws IllegalArgumentException naming the first invalid key
	 */
	@Override
	public void afterPropertiesSet() {
		String prefix = ObservabilityProperties.PREFIX;
		this.alerts.forEach((name, alert) -> {
			String key = prefix + ".alerts." + name;
			Double threshold = alert.getThreshold();
			if (threshold != null && (threshold.isNaN() || threshold.isInfinite() || threshold < 0)) {
				throw new IllegalArgumentException(
						key + ".threshold was " + threshold + " but must be a finite number >= 0");
			}
			Duration forDuration = alert.getFor();
			if (forDuration != null && (forDuration.isNegative() || forDuration.toMillis() % 1000 != 0)) {
				throw new IllegalArgumentException(
						key + ".for was " + forDuration + " but must be zero or a positive whole number of seconds");
			}
			String severity = alert.getSeverity();
			if (severity != null && !SEVERITIES.contains(severity)) {
				throw new IllegalArgumentException(
						key + ".severity was '" + severity + "' but must be one of " + String.join(", ", SEVERITIES));
			}
		});
		this.slo.forEach((name, slo) -> {
			String key = prefix + ".slo." + name;
			checkObjective(key + ".objective", slo.getObjective());
			checkWindow(key + ".window", slo.getWindow());
			checkRoutes(key + ".routes", slo.getRoutes());
		});
	}

	static void checkObjective(String key, double objective) {
		if (!(objective > 0 && objective < 100)) {
			throw new IllegalArgumentException(key + " was " + objective
					+ " but must be a percentage between 0 and 100, exclusive (for example 99.9)");
		}
	}

	static void checkWindow(String key, Duration window) {
		if (window.compareTo(Duration.ofDays(1)) < 0 || window.toMillis() % 1000 != 0) {
			throw new IllegalArgumentException(
					key + " was " + window + " but must be at least 1d in whole seconds (for example 30d)");
		}
	}

	static void checkRoutes(String key, String routes) {
		try {
			java.util.regex.Pattern.compile(routes);
		}
		catch (java.util.regex.PatternSyntaxException ex) {
			throw new IllegalArgumentException(
					key + " was '" + routes + "' but must be a regular expression: " + ex.getDescription());
		}
	}

	/**
	 * Overrides of one alert.
	 */
	public static class Alert {

		/**
		 * Whether the alert is generated.
		 */
		private @Nullable Boolean enabled;

		/**
		 * Threshold, in the unit of the alert's expression (a ratio such as 0.1, seconds,
		 * USD per hour or a count).
		 */
		private @Nullable Double threshold;

		/**
		 * How long the condition must hold before the alert fires.
		 */
		private @Nullable Duration forDuration;

		/**
		 * Severity: critical, warning or info.
		 */
		private @Nullable String severity;

		/**
		 * Address of the alert's runbook.
		 */
		private @Nullable String runbookUrl;

		public @Nullable Boolean getEnabled() {
			return this.enabled;
		}

		public void setEnabled(@Nullable Boolean enabled) {
			this.enabled = enabled;
		}

		public @Nullable Double getThreshold() {
			return this.threshold;
		}

		public void setThreshold(@Nullable Double threshold) {
			this.threshold = threshold;
		}

		public @Nullable Duration getFor() {
			return this.forDuration;
		}

		public void setFor(@Nullable Duration forDuration) {
			this.forDuration = forDuration;
		}

		public @Nullable String getSeverity() {
			return this.severity;
		}

		public void setSeverity(@Nullable String severity) {
			this.severity = (severity != null) ? severity.trim().toLowerCase(Locale.ROOT) : null;
		}

		public @Nullable String getRunbookUrl() {
			return this.runbookUrl;
		}

		public void setRunbookUrl(@Nullable String runbookUrl) {
			this.runbookUrl = runbookUrl;
		}

	}

	/**
	 * One service level objective on HTTP server requests.
	 */
	public static class Slo {

		/**
		 * Objective in percent, such as 99.9.
		 */
		private double objective = 99.9;

		/**
		 * Compliance window, such as 30d.
		 */
		private Duration window = Duration.ofDays(30);

		/**
		 * What a good request is: availability (not 5xx) or latency (under
		 * 'latency-threshold').
		 */
		private SloDefinition.Indicator indicator = SloDefinition.Indicator.AVAILABILITY;

		/**
		 * Regular expression on the 'uri' label selecting the requests.
		 */
		private String routes = ".*";

		/**
		 * For a latency indicator, the bound under which a request is good; must be one
		 * of 'pyairtable.observability.http.latency-buckets'.
		 */
		private @Nullable Duration latencyThreshold;

		public double getObjective() {
			return this.objective;
		}

		public void setObjective(double objective) {
			this.objective = objective;
		}

		public Duration getWindow() {
			return this.window;
		}

		public void setWindow(Duration window) {
			this.window = window;
		}

		public SloDefinition.Indicator getIndicator() {
			return this.indicator;
		}

		public void setIndicator(SloDefinition.Indicator indicator) {
			this.indicator = indicator;
		}

		public String getRoutes() {
			return this.routes;
		}

		public void setRoutes(String routes) {
			this.routes = routes;
		}

		public @Nullable Duration getLatencyThreshold() {
			return this.latencyThreshold;
		}

		public void setLatencyThreshold(@Nullable Duration latencyThreshold) {
			this.latencyThreshold = latencyThreshold;
		}

	}

}
