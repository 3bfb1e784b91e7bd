package com.pyairtable.observability.logging;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

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

	/** Request attribute holding a servlet request's accepted id. */
	public static final String ATTRIBUTE = "com.pyairtable.observability.requestId";

	/** Longest request id kept. */
	public static final int MAX_LENGTH = 128;

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
			if (isSafe(trimmed)) {
				return trimmed;
			}
		}
		return newId();
	}

	/**
	 * {@code [A-Za-z0-9._:-]{1,128}}, checked without a regex: it runs on every request.
	 */
	private static boolean isSafe(String id) {
		int length = id.length();
		if (length == 0 || length > MAX_LENGTH) {
			return false;
		}
		for (int i = 0; i < length; i++) {
			char c = id.charAt(i);
			boolean safe = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.'
					|| c == '_' || c == ':' || c == '-';
			if (!safe) {
				return false;
			}
		}
		return true;
	}

	/**
	 * A random (version 4) UUID from {@link ThreadLocalRandom}: request ids correlate
	 * lines, they protect nothing, and {@link UUID#randomUUID()} takes the lock of the
	 * shared {@code SecureRandom} on every request without an id.
	 */
	static String newId() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		long mostSignificant = (random.nextLong() & ~0xF000L) | 0x4000L;
		long leastSignificant = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
		return new UUID(mostSignificant, leastSignificant).toString();
	}

}
