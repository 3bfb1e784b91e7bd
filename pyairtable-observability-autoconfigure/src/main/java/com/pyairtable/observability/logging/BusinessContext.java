package com.pyairtable.observability.logging;

import java.util.List;

import io.opentelemetry.api.trace.Span;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

/**
 * Puts business attributes on the current span and in the log context (MDC), never on
 * metric labels. The user id is hashed (first 16 hex of its HMAC-SHA256 under the
 * deployment's redaction key) before it goes anywhere; other values are redacted, then
 * cut to {@value #MAX_LENGTH} characters, so that a secret passed as a tenant or a
 * feature is replaced whole instead of cut into a part that no longer looks like a
 * secret. Call {@link #clear()} when the unit of work ends; the request id filter does it
 * at the end of each HTTP request.
 */
public final class BusinessContext {

	/** Span attribute and MDC key of the tenant. */
	public static final String TENANT_ID = "tenant.id";

	/** Span attribute of the hashed user. */
	public static final String USER_ID = "user.id";

	/** Span attribute of the cost center. */
	public static final String COST_CENTER = "cost_center";

	/** Span attribute of the business feature. */
	public static final String FEATURE = "business.feature";

	/** Span attribute of the business tier. */
	public static final String TIER = "business.tier";

	/** Span attribute of the business value. */
	public static final String VALUE = "business.value";

	/** MDC keys this class writes, as the JSON log fields name them. */
	public static final List<String> MDC_KEYS = List.of("tenant_id", "user_id", "cost_center", "business_feature",
			"business_tier", "business_value");

	/** Length in characters to which recorded values are cut, after redaction. */
	public static final int MAX_LENGTH = 128;

	/** The redactor and key in use; the auto-configuration sets the deployment's. */
	private static volatile @Nullable SecretRedactor redactor;

	private BusinessContext() {
	}

	/**
	 * Sets the redactor whose key hashes user ids and whose patterns redact the values.
	 * Called by the auto-configuration with the deployment's redactor; until then, the
	 * built-in patterns under the process's random key are used.
	 * @param secretRedactor the redactor
	 */
	public static void useRedactor(SecretRedactor secretRedactor) {
		redactor = secretRedactor;
	}

	private static SecretRedactor redactor() {
		SecretRedactor current = redactor;
		if (current == null) {
			current = SecretRedactor.withDefaults();
			redactor = current;
		}
		return current;
	}

	/**
	 * Sets the tenant.
	 * @param tenantId the tenant id
	 */
	public static void tenant(@Nullable String tenantId) {
		put(TENANT_ID, "tenant_id", tenantId);
	}

	/**
	 * Sets the user, hashed.
	 * @param userId the user id in clear; only its hash is recorded
	 */
	public static void user(@Nullable String userId) {
		String hash;
		try {
			hash = (userId != null) ? hashUserId(userId) : null;
		}
		catch (RuntimeException ex) {
			// Never fail the caller, never record the id in clear.
			hash = SecretRedactor.DROPPED;
		}
		put(USER_ID, "user_id", hash);
	}

	/**
	 * Sets the cost center.
	 * @param costCenter the cost center
	 */
	public static void costCenter(@Nullable String costCenter) {
		put(COST_CENTER, "cost_center", costCenter);
	}

	/**
	 * Sets the business feature.
	 * @param feature the feature
	 */
	public static void feature(@Nullable String feature) {
		put(FEATURE, "business_feature", feature);
	}

	/**
	 * Sets the business tier (such as the customer's plan).
	 * @param tier the tier
	 */
	public static void tier(@Nullable String tier) {
		put(TIER, "business_tier", tier);
	}

	/**
	 * Sets the business value of the unit of work.
	 * @param value the value
	 */
	public static void value(double value) {
		try {
			Span.current().setAttribute(VALUE, value);
			MDC.put("business_value", Double.toString(value));
		}
		catch (RuntimeException ex) {
			// Never fail the caller.
		}
	}

	/**
	 * Removes the business keys from the log context.
	 */
	public static void clear() {
		MDC_KEYS.forEach(MDC::remove);
	}

	/**
	 * The short keyed hash of a user id, as recorded: stable under one deployment key,
	 * not reversible from a list of candidate ids without it.
	 * @param userId the user id in clear
	 * @return the first 16 hex of its HMAC-SHA256 under the deployment's redaction key
	 */
	public static String hashUserId(String userId) {
		return redactor().keyedHash(userId);
	}

	private static void put(String attribute, String mdcKey, @Nullable String value) {
		try {
			if (value == null) {
				MDC.remove(mdcKey);
				return;
			}
			// Redacted before it is cut: a cut secret no longer matches its pattern.
			String redacted = redactor().redact(value);
			String bounded = (redacted.length() > MAX_LENGTH) ? redacted.substring(0, MAX_LENGTH) : redacted;
			Span.current().setAttribute(attribute, bounded);
			MDC.put(mdcKey, bounded);
		}
		catch (RuntimeException ex) {
			// Never fail the caller.
		}
	}

}
