package com.pyairtable.observability.health;

import java.net.URI;
import java.util.Collection;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Removes secrets from what health details show: user info, query strings and fragments of
 * addresses, and any configured secret value (header values) from error messages.
 */
public final class Redaction {

	static final String MASK = "******";

	private static final Pattern QUERY = Pattern.compile("\\?[^\\s\"']*");

	private static final Pattern USER_INFO = Pattern.compile("(?<=://)[^/@\\s]+@");

	private static final int MAX_LENGTH = 300;

	private Redaction() {
	}

	/**
	 * The address without user info, query or fragment.
	 * @param uri the address
	 * @return {@code scheme://host[:port]/path}
	 */
	public static String uri(URI uri) {
		StringBuilder result = new StringBuilder();
		result.append(uri.getScheme()).append("://").append(uri.getHost());
		if (uri.getPort() != -1) {
			result.append(':').append(uri.getPort());
		}
		if (uri.getRawPath() != null) {
			result.append(uri.getRawPath());
		}
		return result.toString();
	}

	/**
	 * A short description of a failure, with secrets, user info and query strings removed.
	 * @param failure the failure
	 * @param secrets values that must never be shown
	 * @return the description
	 */
	public static String error(Throwable failure, Collection<String> secrets) {
		String message = failure.getMessage();
		String text = failure.getClass().getSimpleName() + ((message != null) ? ": " + message : "");
		return text(text, secrets);
	}

	/**
	 * The text with secrets, user info and query strings removed, cut to a bounded length.
	 * @param text the text
	 * @param secrets values that must never be shown
	 * @return the redacted text
	 */
	public static String text(@Nullable String text, Collection<String> secrets) {
		if (text == null) {
			return "";
		}
		String result = text;
		for (String secret : secrets) {
			if (secret != null && !secret.isBlank()) {
				result = result.replace(secret, MASK);
			}
		}
		result = USER_INFO.matcher(result).replaceAll("");
		result = QUERY.matcher(result).replaceAll("");
		return (result.length() > MAX_LENGTH) ? result.substring(0, MAX_LENGTH) + "..." : result;
	}

}
