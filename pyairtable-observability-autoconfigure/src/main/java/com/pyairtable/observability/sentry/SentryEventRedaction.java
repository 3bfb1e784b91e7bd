package com.pyairtable.observability.sentry;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.sentry.Breadcrumb;
import io.sentry.SentryBaseEvent;
import io.sentry.SentryEvent;
import io.sentry.SpanContext;
import io.sentry.protocol.Contexts;
import io.sentry.protocol.Mechanism;
import io.sentry.protocol.Message;
import io.sentry.protocol.Request;
import io.sentry.protocol.Response;
import io.sentry.protocol.SentryException;
import io.sentry.protocol.SentrySpan;
import io.sentry.protocol.SentryStackFrame;
import io.sentry.protocol.SentryTransaction;
import io.sentry.protocol.User;
import org.jspecify.annotations.Nullable;

/**
 * Walks a Sentry event and passes every text it holds through the redactor: message, its
 * formatted form and parameters, exception values, mechanisms and frame variables,
 * breadcrumbs (message and data), request (URL, query string, headers, cookies, body,
 * environment), response context, contexts, extras, tags, user and transaction name.
 * Headers, cookies, query parameters and map entries whose name says they hold a
 * credential ({@code Authorization}, {@code Cookie}, {@code X-API-Key}, {@code password},
 * ...) are masked whole. Throws when something cannot be walked: the caller then strips
 * the event.
 */
final class SentryEventRedaction {

	/** What replaces a credential, and a value whose redaction failed. */
	static final String MASK = "[REDACTED]";

	private static final int MAX_DEPTH = 16;

	private static final Set<String> SENSITIVE_NAMES = Set.of("authorization", "proxy-authorization", "cookie",
			"set-cookie", "cookies", "x-api-key", "api-key", "apikey", "api_key", "x-auth-token", "x-access-token",
			"x-csrf-token", "x-xsrf-token", "x-amz-security-token", "x-goog-api-key", "private_key", "privatekey");

	private static final Pattern SENSITIVE_PART = Pattern
		.compile("(?i)(password|passwd|pwd|secret|token|credential|session|signature|auth|api[-_]?key)");

	private static final Pattern USER_INFO = Pattern.compile("(?<=://)[^/@\\s?#]+@");

	private static final Pattern JSON_STRING_MEMBER = Pattern
		.compile("\"([^\"\\\\]{1,64}+)\"(\\s*+:\\s*+)\"((?:[^\"\\\\]|\\\\.)*+)\"");

	private static final Pattern QUERY_PARAMETER = Pattern.compile("(?<=^|[?&;])([^=&;#]+)=([^&;#]*)");

	private final UnaryOperator<@Nullable String> redactor;

	SentryEventRedaction(UnaryOperator<@Nullable String> redactor) {
		this.redactor = redactor;
	}

	/** Whether a header, parameter or field of this name holds a credential. */
	static boolean isSensitiveName(@Nullable String name) {
		if (name == null) {
			return false;
		}
		String lower = name.trim().toLowerCase(Locale.ROOT);
		return SENSITIVE_NAMES.contains(lower) || SENSITIVE_PART.matcher(lower).find();
	}

	void redact(SentryEvent event) {
		Message message = event.getMessage();
		if (message != null) {
			message.setFormatted(text(message.getFormatted()));
			message.setMessage(text(message.getMessage()));
			if (message.getParams() != null) {
				message.setParams(strings(message.getParams()));
			}
		}
		if (event.getExceptions() != null) {
			event.getExceptions().forEach(this::exception);
		}
		event.setTransaction(text(event.getTransaction()));
		if (event.getFingerprints() != null) {
			event.setFingerprints(strings(event.getFingerprints()));
		}
		base(event);
	}

	/**
	 * Redacts a transaction's own parts; returns false when its name or a span's
	 * description held a secret (they cannot be rewritten, so the transaction must not be
	 * sent).
	 */
	boolean redact(SentryTransaction transaction) {
		base(transaction);
		String name = transaction.getTransaction();
		if (name != null && text(name) != name) {
			return false;
		}
		for (SentrySpan span : transaction.getSpans()) {
			String description = span.getDescription();
			if (description != null && text(description) != description) {
				return false;
			}
			if (span.getData() != null) {
				span.setData(map(span.getData(), 0));
			}
			if (span.getTags() != null) {
				span.getTags().replaceAll((key, value) -> isSensitiveName(key) ? MASK : text(value));
			}
		}
		return true;
	}

	private void base(SentryBaseEvent event) {
		if (event.getBreadcrumbs() != null) {
			for (Breadcrumb breadcrumb : event.getBreadcrumbs()) {
				breadcrumb.setMessage(text(breadcrumb.getMessage()));
				Map<String, Object> data = breadcrumb.getData();
				for (String key : List.copyOf(data.keySet())) {
					breadcrumb.setData(key, entry(key, data.get(key), 0));
				}
			}
		}
		if (event.getExtras() != null) {
			event.setExtras(map(event.getExtras(), 0));
		}
		if (event.getTags() != null) {
			Map<String, String> tags = new LinkedHashMap<>();
			event.getTags().forEach((key, value) -> tags.put(key, isSensitiveName(key) ? MASK : text(value)));
			event.setTags(tags);
		}
		if (event.getRequest() != null) {
			request(event.getRequest());
		}
		if (event.getUser() != null) {
			user(event.getUser());
		}
		contexts(event.getContexts());
		event.setServerName(text(event.getServerName()));
	}

	private void exception(SentryException exception) {
		exception.setValue(text(exception.getValue()));
		Mechanism mechanism = exception.getMechanism();
		if (mechanism != null) {
			mechanism.setDescription(text(mechanism.getDescription()));
			if (mechanism.getData() != null) {
				mechanism.setData(map(mechanism.getData(), 0));
			}
			if (mechanism.getMeta() != null) {
				mechanism.setMeta(map(mechanism.getMeta(), 0));
			}
		}
		if (exception.getStacktrace() != null && exception.getStacktrace().getFrames() != null) {
			for (SentryStackFrame frame : exception.getStacktrace().getFrames()) {
				if (frame.getVars() != null) {
					frame.setVars(map(frame.getVars(), 0));
				}
				frame.setContextLine(text(frame.getContextLine()));
			}
		}
	}

	private void request(Request request) {
		request.setUrl(url(request.getUrl()));
		request.setQueryString(query(request.getQueryString()));
		request.setFragment(text(request.getFragment()));
		if (request.getCookies() != null) {
			request.setCookies(MASK);
		}
		request.setHeaders(headers(request.getHeaders()));
		request.setEnvs(headers(request.getEnvs()));
		request.setOthers(headers(request.getOthers()));
		Object data = request.getData();
		request.setData((data instanceof String body) ? body(body) : value(data, 0));
	}

	private void user(User user) {
		user.setId(text(user.getId()));
		user.setEmail(text(user.getEmail()));
		user.setUsername(text(user.getUsername()));
		user.setName(text(user.getName()));
		user.setIpAddress(text(user.getIpAddress()));
		user.setData(headers(user.getData()));
	}

	private void contexts(Contexts contexts) {
		for (String key : java.util.Collections.list(contexts.keys())) {
			Object context = contexts.get(key);
			if (context instanceof Response response) {
				if (response.getCookies() != null) {
					response.setCookies(MASK);
				}
				response.setHeaders(headers(response.getHeaders()));
				response.setData(value(response.getData(), 0));
			}
			else if (context instanceof SpanContext trace) {
				trace.setDescription(text(trace.getDescription()));
				trace.getTags().replaceAll((name, value) -> isSensitiveName(name) ? MASK : text(value));
				Map<String, Object> data = trace.getData();
				for (String name : List.copyOf(data.keySet())) {
					trace.setData(name, entry(name, data.get(name), 0));
				}
			}
			else if (context instanceof Map || context instanceof Collection || context instanceof String
					|| context instanceof Object[]) {
				contexts.put(key, value(context, 0));
			}
			else if (context != null && !context.getClass().getName().startsWith("io.sentry.")) {
				// An object of the application's, which Sentry would serialize field by
				// field.
				contexts.put(key, text(String.valueOf(context)));
			}
		}
	}

	/**
	 * A credential's value masked whole; numbers and booleans under such a name are no
	 * secret.
	 */
	private @Nullable Object entry(String name, @Nullable Object value, int depth) {
		if (isSensitiveName(name) && !(value == null || value instanceof Number || value instanceof Boolean)) {
			return MASK;
		}
		return value(value, depth);
	}

	private @Nullable Map<String, String> headers(@Nullable Map<String, String> headers) {
		if (headers == null) {
			return null;
		}
		Map<String, String> result = new LinkedHashMap<>();
		headers.forEach((name, value) -> result.put(name, isSensitiveName(name) ? MASK : text(value)));
		return result;
	}

	private Map<String, Object> map(Map<String, ?> map, int depth) {
		Map<String, Object> result = new LinkedHashMap<>();
		map.forEach((key, value) -> result.put(key, entry(key, value, depth + 1)));
		return result;
	}

	private @Nullable Object value(@Nullable Object value, int depth) {
		if (value == null || value instanceof Number || value instanceof Boolean || value instanceof Character
				|| value instanceof Date || value instanceof Enum<?>) {
			return value;
		}
		if (depth > MAX_DEPTH) {
			return MASK;
		}
		if (value instanceof String text) {
			return text(text);
		}
		if (value instanceof Map<?, ?> map) {
			Map<String, Object> result = new LinkedHashMap<>();
			map.forEach((key, entry) -> {
				String name = String.valueOf(key);
				result.put(name, entry(name, entry, depth + 1));
			});
			return result;
		}
		if (value instanceof Collection<?> collection) {
			List<@Nullable Object> result = new ArrayList<>(collection.size());
			collection.forEach((element) -> result.add(value(element, depth + 1)));
			return result;
		}
		if (value instanceof Object[] array) {
			return value(List.of(array), depth);
		}
		// Anything else would be serialized field by field: it is sent as redacted text.
		return text(String.valueOf(value));
	}

	private List<String> strings(List<String> values) {
		List<String> result = new ArrayList<>(values.size());
		values.forEach((value) -> result.add(text(value)));
		return result;
	}

	private @Nullable String url(@Nullable String url) {
		String redacted = text(url);
		return (redacted != null) ? USER_INFO.matcher(redacted).replaceAll("") : null;
	}

	private @Nullable String query(@Nullable String query) {
		String redacted = text(query);
		if (redacted == null) {
			return null;
		}
		Matcher matcher = QUERY_PARAMETER.matcher(redacted);
		StringBuilder result = new StringBuilder(redacted.length());
		while (matcher.find()) {
			String replacement = isSensitiveName(decode(matcher.group(1))) ? matcher.group(1) + "=" + MASK
					: matcher.group();
			matcher.appendReplacement(result, Matcher.quoteReplacement(replacement));
		}
		matcher.appendTail(result);
		return result.toString();
	}

	/**
	 * A request body as text: redacted, then JSON members and form fields of credentials
	 * masked.
	 */
	private @Nullable String body(String body) {
		String redacted = query(body);
		if (redacted == null || redacted.indexOf('"') < 0) {
			return redacted;
		}
		Matcher matcher = JSON_STRING_MEMBER.matcher(redacted);
		StringBuilder result = new StringBuilder(redacted.length());
		while (matcher.find()) {
			String replacement = isSensitiveName(matcher.group(1))
					? "\"" + matcher.group(1) + "\"" + matcher.group(2) + "\"" + MASK + "\"" : matcher.group();
			matcher.appendReplacement(result, Matcher.quoteReplacement(replacement));
		}
		matcher.appendTail(result);
		return result.toString();
	}

	private static String decode(String name) {
		try {
			return java.net.URLDecoder.decode(name, java.nio.charset.StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return name;
		}
	}

	/** The redacted text; fails closed when the redactor has no answer. */
	private @Nullable String text(@Nullable String text) {
		if (text == null || text.isEmpty()) {
			return text;
		}
		String redacted = this.redactor.apply(text);
		return (redacted != null) ? redacted : MASK;
	}

}
