package com.pyairtable.observability.autoconfigure.database;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Database query metrics and spans: {@code pyairtable.observability.database.*}.
 */
@ConfigurationProperties(DatabaseObservabilityProperties.PREFIX)
public class DatabaseObservabilityProperties {

	/** Prefix of the database properties. */
	public static final String PREFIX = "pyairtable.observability.database";

	/** Whether to enable the database query metrics, handler and span convention. */
	private boolean enabled = true;

	/**
	 * Whether query spans carry the SQL text (placeholders, never bound values), after
	 * secret redaction.
	 */
	private boolean includeQueryText;

	/**
	 * Whether statements outside any traced work (health probes, startup, untraced jobs)
	 * start traces of their own; their metrics are recorded either way.
	 */
	private boolean rootSpans;

	public boolean isRootSpans() {
		return this.rootSpans;
	}

	public void setRootSpans(boolean rootSpans) {
		this.rootSpans = rootSpans;
	}

	public boolean isIncludeQueryText() {
		return this.includeQueryText;
	}

	public void setIncludeQueryText(boolean includeQueryText) {
		this.includeQueryText = includeQueryText;
	}

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

}
