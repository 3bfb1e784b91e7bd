package com.pyairtable.observability.logging;

import java.util.UUID;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The {@code X-Request-ID} rules: an incoming id is kept when it is at most 128 safe
 * characters (letters, digits, {@code . _ : -}), else replaced by a generated one.
 */
public final class RequestIds {

	/** The header carrying the request id. */
	public static final String HEADER = "X-Request-ID";

	/** MDC key and JSON log field of the request id. */
	public static final String MDC_KEY = "request_id";

	/** Longest request id kept. */
	public static final int MAX_LENGTH = 128;

	private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:\\-]{1," + MAX_LENGTH + "}");

	private RequestIds() {
	}

	/**
	 * The id to use for a request.
	 * @param incoming the header's value, may be {@code null}
	 * @return the incoming id when it is safe, else a new one
	 */
	public static String accept(@Nullable String incoming) {
		if (incoming != null) {
			String trimmed = incoming.trim();
			if (SAFE.matcher(trimmed).matches()) {
				return trimmed;
			}
		}
		return UUID.randomUUID().toString();
	}

}
