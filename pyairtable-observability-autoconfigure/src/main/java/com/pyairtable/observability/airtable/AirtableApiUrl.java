package com.pyairtable.observability.airtable;

import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;

/**
 * The Airtable API base URL, resolved lazily so that it may name a value known only once
 * the application runs (such as
 * {@code http://127.0.0.1:${local.server.port}/fake-airtable} for a local fake); cached
 * once fully resolved.
 */
public final class AirtableApiUrl {

	private final String raw;

	private final UnaryOperator<String> resolver;

	private volatile @Nullable String resolved;

	/**
	 * Creates a URL.
	 * @param raw the configured value, possibly with {@code ${...}} placeholders
	 * @param resolver resolves placeholders, such as
	 * {@code Environment::resolvePlaceholders}
	 */
	public AirtableApiUrl(String raw, UnaryOperator<String> resolver) {
		this.raw = raw;
		this.resolver = resolver;
	}

	/**
	 * A URL with no placeholders.
	 * @param url the URL
	 * @return the URL
	 */
	public static AirtableApiUrl of(String url) {
		return new AirtableApiUrl(url, UnaryOperator.identity());
	}

	/**
	 * The URL, without a trailing slash.
	 * @return the URL as resolved now
	 */
	public String get() {
		String resolved = this.resolved;
		if (resolved != null) {
			return resolved;
		}
		String value = this.resolver.apply(this.raw);
		if (value.endsWith("/")) {
			value = value.substring(0, value.length() - 1);
		}
		if (!value.contains("${")) {
			this.resolved = value;
		}
		return value;
	}

}
