package com.pyairtable.observability.health;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.pyairtable.observability.logging.SecretRedactor;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.health.contributor.Health;

/**
 * Removes secrets from what health details show: the secret redactor's patterns, user
 * info, query strings and fragments of addresses, path segments that look like a token
 * ({@code /hooks/<token>}, {@code /v1/<key>}), and any configured secret value (header
 * values) from error messages. The secret redaction comes first, the cut last. Where the
 * redaction fails, the text is replaced by the mask.
 */
public final class Redaction {

	static final String MASK = "******";

	private static final SecretRedactor BUILT_IN = SecretRedactor.withDefaults();

	private static final Pattern QUERY = Pattern.compile("\\?[^\\s\"']*");

	private static final Pattern USER_INFO = Pattern.compile("(?<=://)[^/@\\s]+@");

	private static final Pattern URL = Pattern.compile("[a-zA-Z][a-zA-Z0-9+.-]{0,15}://[^\\s\"'<>]+");

	/** Airtable ids ({@code app…}, {@code tbl…}, ...) are no secret and stay readable. */
	private static final Pattern AIRTABLE_ID = Pattern.compile("(app|tbl|rec|viw|fld|usr|wsp|ent)[A-Za-z0-9]{14}");

	private static final Pattern UUID = Pattern
		.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

	private static final int MIN_TOKEN_LENGTH = 16;

	private static final int MAX_LENGTH = 300;

	private static final int MAX_DEPTH = 8;

	private Redaction() {
	}

	/**
	 * The address without user info, query or fragment, and with path segments that look
	 * like a token masked, redacted with the built-in patterns.
	 * @param uri the address
	 * @return {@code scheme://host[:port]/path}
	 */
	public static String uri(URI uri) {
		return uri(uri, BUILT_IN::redact);
	}

	/**
	 * The address without user info, query or fragment, and with path segments that look
	 * like a token masked.
	 * @param uri the address
	 * @param redactor the secret redaction, returning the same instance when nothing
	 * changed
	 * @return {@code scheme://host[:port]/path}
	 */
	public static String uri(URI uri, UnaryOperator<@Nullable String> redactor) {
		StringBuilder result = new StringBuilder();
		result.append(uri.getScheme()).append("://").append(uri.getHost());
		if (uri.getPort() != -1) {
			result.append(':').append(uri.getPort());
		}
		if (uri.getRawPath() != null) {
			result.append(path(uri.getRawPath()));
		}
		String redacted = redact(result.toString(), redactor);
		return (redacted != null) ? redacted : MASK;
	}

	/**
	 * The path segments of an address that look like a token, to mask wherever the
	 * address may be quoted (error messages).
	 * @param uri the address
	 * @return the segments, raw as in the address
	 */
	public static List<String> pathSecrets(URI uri) {
		List<String> secrets = new ArrayList<>();
		String path = uri.getRawPath();
		if (path != null) {
			for (String segment : path.split("/")) {
				if (isTokenLike(segment)) {
					secrets.add(segment);
				}
			}
		}
		return secrets;
	}

	/**
	 * A short description of a failure, with secrets, user info and query strings
	 * removed.
	 * @param failure the failure
	 * @param secrets values that must never be shown
	 * @return the description
	 */
	public static String error(Throwable failure, Collection<String> secrets) {
		return error(failure, secrets, BUILT_IN::redact);
	}

	/**
	 * A short description of a failure, with secrets, user info and query strings
	 * removed.
	 * @param failure the failure
	 * @param secrets values that must never be shown
	 * @param redactor the secret redaction, returning the same instance when nothing
	 * changed
	 * @return the description
	 */
	public static String error(Throwable failure, Collection<String> secrets,
			UnaryOperator<@Nullable String> redactor) {
		String message = failure.getMessage();
		String text = failure.getClass().getSimpleName() + ((message != null) ? ": " + message : "");
		return text(text, secrets, redactor);
	}

	/**
	 * The text with secrets, user info and query strings removed, cut to a bounded
	 * length.
	 * @param text the text
	 * @param secrets values that must never be shown
	 * @return the redacted text
	 */
	public static String text(@Nullable String text, Collection<String> secrets) {
		return text(text, secrets, BUILT_IN::redact);
	}

	/**
	 * The text with secrets, user info and query strings removed, then cut to a bounded
	 * length.
	 * @param text the text
	 * @param secrets values that must never be shown
	 * @param redactor the secret redaction, returning the same instance when nothing
	 * changed
	 * @return the redacted text
	 */
	public static String text(@Nullable String text, Collection<String> secrets,
			UnaryOperator<@Nullable String> redactor) {
		if (text == null) {
			return "";
		}
		String result = text;
		for (String secret : secrets) {
			if (secret != null && !secret.isBlank()) {
				result = result.replace(secret, MASK);
			}
		}
		result = redact(result, redactor);
		if (result == null) {
			return MASK;
		}
		result = urls(result);
		result = USER_INFO.matcher(result).replaceAll("");
		result = QUERY.matcher(result).replaceAll("");
		return (result.length() > MAX_LENGTH) ? result.substring(0, MAX_LENGTH) + "..." : result;
	}

	/**
	 * A health with the texts of its details redacted with the built-in patterns.
	 * @param health the health
	 * @return the redacted health, the same instance when nothing changed
	 * @see #details(Health, UnaryOperator)
	 */
	public static @Nullable Health details(@Nullable Health health) {
		return details(health, BUILT_IN::redact);
	}

	/**
	 * A health with the texts of its details redacted (addresses in them cleaned as
	 * {@link #uri(URI, UnaryOperator)} does), the same instance when nothing changed.
	 * @param health the health
	 * @param redactor the secret redaction, returning the same instance when nothing
	 * changed
	 * @return the redacted health
	 */
	public static @Nullable Health details(@Nullable Health health, UnaryOperator<@Nullable String> redactor) {
		if (health == null || health.getDetails().isEmpty()) {
			return health;
		}
		Map<String, Object> details = new LinkedHashMap<>();
		boolean changed = false;
		for (Map.Entry<String, Object> entry : health.getDetails().entrySet()) {
			Object redacted = detail(entry.getValue(), redactor, 0);
			changed |= redacted != entry.getValue();
			details.put(entry.getKey(), redacted);
		}
		return changed ? Health.status(health.getStatus()).withDetails(details).build() : health;
	}

	private static @Nullable Object detail(@Nullable Object value, UnaryOperator<@Nullable String> redactor,
			int depth) {
		if (value instanceof String text) {
			String redacted = redact(text, redactor);
			return (redacted != null) ? urls(redacted) : MASK;
		}
		if (depth >= MAX_DEPTH) {
			return value;
		}
		if (value instanceof Map<?, ?> map) {
			Map<Object, @Nullable Object> result = new LinkedHashMap<>();
			boolean changed = false;
			for (Map.Entry<?, ?> entry : map.entrySet()) {
				Object redacted = detail(entry.getValue(), redactor, depth + 1);
				changed |= redacted != entry.getValue();
				result.put(entry.getKey(), redacted);
			}
			return changed ? result : value;
		}
		if (value instanceof Collection<?> collection) {
			List<@Nullable Object> result = new ArrayList<>(collection.size());
			boolean changed = false;
			for (Object element : collection) {
				Object redacted = detail(element, redactor, depth + 1);
				changed |= redacted != element;
				result.add(redacted);
			}
			return changed ? result : value;
		}
		return value;
	}

	/**
	 * The redacted text; null when the redaction failed, so that the caller masks it all.
	 */
	private static @Nullable String redact(String text, UnaryOperator<@Nullable String> redactor) {
		try {
			return redactor.apply(text);
		}
		catch (RuntimeException | StackOverflowError ex) {
			return null;
		}
	}

	/**
	 * Every address in the text without user info, query and fragment, token segments
	 * masked.
	 */
	private static String urls(String text) {
		if (text.indexOf("://") < 0) {
			return text;
		}
		Matcher matcher = URL.matcher(text);
		StringBuilder result = null;
		int last = 0;
		while (matcher.find()) {
			String url = matcher.group();
			String cleaned = url(url);
			if (!cleaned.equals(url)) {
				if (result == null) {
					result = new StringBuilder(text.length());
				}
				result.append(text, last, matcher.start()).append(cleaned);
				last = matcher.end();
			}
		}
		if (result == null) {
			return text;
		}
		return result.append(text, last, text.length()).toString();
	}

	private static String url(String url) {
		int authorityStart = url.indexOf("://") + 3;
		int end = url.length();
		for (int i = authorityStart; i < url.length(); i++) {
			char c = url.charAt(i);
			if (c == '?' || c == '#') {
				end = i;
				break;
			}
		}
		int pathStart = url.indexOf('/', authorityStart);
		if (pathStart < 0 || pathStart > end) {
			pathStart = end;
		}
		String authority = url.substring(authorityStart, pathStart);
		int at = authority.lastIndexOf('@');
		if (at >= 0) {
			authority = authority.substring(at + 1);
		}
		return url.substring(0, authorityStart) + authority + path(url.substring(pathStart, end));
	}

	private static String path(String path) {
		if (path.length() < MIN_TOKEN_LENGTH) {
			return path;
		}
		String[] segments = path.split("/", -1);
		boolean changed = false;
		for (int i = 0; i < segments.length; i++) {
			if (isTokenLike(segments[i])) {
				segments[i] = MASK;
				changed = true;
			}
		}
		return changed ? String.join("/", segments) : path;
	}

	/**
	 * Whether a path segment looks like a credential rather than a name: 16 characters or
	 * more of a token's alphabet, mixing letters and digits (or a UUID), and not an
	 * Airtable id.
	 */
	static boolean isTokenLike(String segment) {
		if (segment.length() < MIN_TOKEN_LENGTH) {
			return false;
		}
		boolean letter = false;
		boolean digit = false;
		for (int i = 0; i < segment.length(); i++) {
			char c = segment.charAt(i);
			if (c >= '0' && c <= '9') {
				digit = true;
			}
			else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
				letter = true;
			}
			else if ("-_.~+=%".indexOf(c) < 0) {
				return false;
			}
		}
		if (!(letter && digit)) {
			return false;
		}
		return UUID.matcher(segment).matches() || !AIRTABLE_ID.matcher(segment).matches();
	}

}
