package com.pyairtable.observability.autoconfigure.opskit;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

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
	 * Whether 'write-to' may replace a non-empty directory (everything in it is deleted);
	 * without it, a non-empty directory is refused.
	 */
	private boolean overwrite;

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

	/**
	 * The generated monitoring stack.
	 */
	private final Stack stack = new Stack();

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

	public boolean isOverwrite() {
		return this.overwrite;
	}

	public void setOverwrite(boolean overwrite) {
		this.overwrite = overwrite;
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

	public Stack getStack() {
		return this.stack;
	}

	private static Duration positive(String key, Duration value) {
		if (value.isNegative() || value.isZero() || value.toMillis() % 1000 != 0) {
			throw new IllegalArgumentException(
					PREFIX + "." + key + " was " + value + " but must be a positive whole number of seconds");
		}
		return value;
	}

	/**
	 * Settings of the generated docker-compose stack.
	 */
	public static class Stack {

		private static final String OCTET = "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])";

		private static final Pattern IPV4 = Pattern.compile("(" + OCTET + "\\.){3}" + OCTET);

		/**
		 * Host address (IPv4) Grafana and the Collector's OTLP ports are published on;
		 * 0.0.0.0 opens them to every network. Prometheus stays on 127.0.0.1, the other
		 * components on the compose network.
		 */
		private String bindAddress = "127.0.0.1";

		public String getBindAddress() {
			return this.bindAddress;
		}

		public void setBindAddress(String bindAddress) {
			String address = bindAddress.trim();
			if (!IPV4.matcher(address).matches()) {
				throw new IllegalArgumentException(PREFIX + ".stack.bind-address was '" + bindAddress
						+ "' but must be an IPv4 address such as 127.0.0.1 (the default) or 0.0.0.0 (every interface)");
			}
			this.bindAddress = address;
		}

	}

}
