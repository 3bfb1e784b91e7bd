package com.pyairtable.observability.autoconfigure.opskit;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Properties of the operations kit ({@code pyairtable.observability.ops-kit}).
 */
@ConfigurationProperties(OpsKitProperties.PREFIX)
public class OpsKitProperties {

	/** Prefix of the kit's properties. */
	public static final String PREFIX = "pyairtable.observability.ops-kit";

	/**
	 * Whether the kit is generated and the 'opskit' endpoint is available.
	 */
	private boolean enabled = true;

	/**
	 * Directory to write the kit to; when set, the application writes the kit and exits
	 * without serving traffic.
	 */
	private @Nullable Path writeTo;

	/**
	 * Base of the runbook addresses; an alert's name is appended unless the alert has its
	 * own 'runbook-url'.
	 */
	private String runbookBaseUrl = "https://runbooks.pyairtable.example/alerts/";

	/**
	 * Targets (host:port) Prometheus scrapes. Defaults to host.docker.internal on the
	 * management or server port.
	 */
	private List<String> scrapeTargets = new ArrayList<>();

	/**
	 * How often Prometheus scrapes the targets.
	 */
	private Duration scrapeInterval = Duration.ofSeconds(15);

	/**
	 * How often Prometheus evaluates the rules.
	 */
	private Duration evaluationInterval = Duration.ofSeconds(15);

	/**
	 * Whether recording rules with the platform's legacy names (http_requests_total,
	 * gemini_requests_total, gemini_token_usage_total, airtable_api_quota_usage) are
	 * generated.
	 */
	private boolean legacyRules = true;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public @Nullable Path getWriteTo() {
		return this.writeTo;
	}

	public void setWriteTo(@Nullable Path writeTo) {
		this.writeTo = writeTo;
	}

	public String getRunbookBaseUrl() {
		return this.runbookBaseUrl;
	}

	public void setRunbookBaseUrl(String runbookBaseUrl) {
		this.runbookBaseUrl = runbookBaseUrl.endsWith("/") ? runbookBaseUrl : runbookBaseUrl + "/";
	}

	public List<String> getScrapeTargets() {
		return this.scrapeTargets;
	}

	public void setScrapeTargets(List<String> scrapeTargets) {
		for (String target : scrapeTargets) {
			if (!target.matches("[A-Za-z0-9.\\-\\[\\]:_]+:[0-9]{1,5}")) {
				throw new IllegalArgumentException(PREFIX + ".scrape-targets contains '" + target
						+ "' but every target must be host:port (for example localhost:8080)");
			}
		}
		this.scrapeTargets = new ArrayList<>(scrapeTargets);
	}

	public Duration getScrapeInterval() {
		return this.scrapeInterval;
	}

	public void setScrapeInterval(Duration scrapeInterval) {
		this.scrapeInterval = positive("scrape-interval", scrapeInterval);
	}

	public Duration getEvaluationInterval() {
		return this.evaluationInterval;
	}

	public void setEvaluationInterval(Duration evaluationInterval) {
		this.evaluationInterval = positive("evaluation-interval", evaluationInterval);
	}

	public boolean isLegacyRules() {
		return this.legacyRules;
	}

	public void setLegacyRules(boolean legacyRules) {
		this.legacyRules = legacyRules;
	}

	private static Duration positive(String key, Duration value) {
		if (value.isNegative() || value.isZero() || value.toMillis() % 1000 != 0) {
			throw new IllegalArgumentException(
					PREFIX + "." + key + " was " + value + " but must be a positive whole number of seconds");
		}
		return value;
	}

}
