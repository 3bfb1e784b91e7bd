package com.pyairtable.observability.tracing;

import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import org.jspecify.annotations.Nullable;

import org.springframework.util.AntPathMatcher;

/**
 * One sampling rule: every condition that is set must match (path pattern, method, span
 * name, attribute value); the first matching rule of a policy gives the ratio.
 */
public final class SamplingRule {

	private static final AntPathMatcher PATHS = new AntPathMatcher();

	/** Span attributes that may carry the request path or route at span start. */
	private static final List<AttributeKey<String>> PATH_ATTRIBUTES = List.of(AttributeKey.stringKey("url.path"),
			AttributeKey.stringKey("http.route"), AttributeKey.stringKey("uri"), AttributeKey.stringKey("http.target"));

	private static final AttributeKey<String> HTTP_REQUEST_METHOD = AttributeKey.stringKey("http.request.method");

	private static final AttributeKey<String> METHOD = AttributeKey.stringKey("method");

	private final @Nullable String path;

	private final @Nullable String method;

	private final @Nullable String spanName;

	private final @Nullable String attribute;

	private final @Nullable AttributeKey<String> attributeKey;

	/** The path pattern compiled once: every new trace is matched against every rule. */
	private final @Nullable Predicate<String> pathMatcher;

	private final @Nullable String value;

	private final double ratio;

	private final Sampler sampler;

	/**
	 * Creates a rule.
	 * @param path an Ant-style path pattern, or {@code null}
	 * @param method the HTTP method, or {@code null}
	 * @param spanName span name, or {@code null}
	 * @param attribute attribute key, or {@code null}
	 * @param value attribute value that must match when {@code attribute} is set, or
	 * {@code null} for "present"
	 * @param ratio the ratio of matching traces to keep
	 */
	public SamplingRule(@Nullable String path, @Nullable String method, @Nullable String spanName,
			@Nullable String attribute, @Nullable String value, double ratio) {
		this.path = path;
		this.method = (method != null) ? method.toUpperCase(Locale.ROOT) : null;
		this.spanName = spanName;
		this.attribute = attribute;
		this.attributeKey = (attribute != null) ? AttributeKey.stringKey(attribute) : null;
		this.pathMatcher = (path != null) ? compile(path) : null;
		this.value = value;
		this.ratio = ratio;
		this.sampler = Sampler.traceIdRatioBased(ratio);
	}

	/**
	 * A rule keeping none of the requests under a path pattern.
	 * @param path the Ant-style pattern
	 * @return the rule
	 */
	public static SamplingRule never(String path) {
		return new SamplingRule(path, null, null, null, null, 0.0);
	}

	double ratio() {
		return this.ratio;
	}

	Sampler sampler() {
		return this.sampler;
	}

	boolean matches(String name, Attributes attributes, @Nullable RequestInfo request) {
		if (this.spanName != null && !this.spanName.equals(name)) {
			return false;
		}
		if (this.method != null && !this.method.equals(method(attributes, request))) {
			return false;
		}
		if (this.path != null && !pathMatches(attributes, request)) {
			return false;
		}
		if (this.attributeKey != null) {
			Object actual = attributes.get(this.attributeKey);
			if (actual == null || (this.value != null && !this.value.equals(actual))) {
				return false;
			}
		}
		return true;
	}

	private @Nullable String method(Attributes attributes, @Nullable RequestInfo request) {
		String method = attributes.get(HTTP_REQUEST_METHOD);
		if (method == null) {
			method = attributes.get(METHOD);
		}
		if (method == null && request != null) {
			method = request.method();
		}
		return (method != null) ? method.toUpperCase(Locale.ROOT) : null;
	}

	private boolean pathMatches(Attributes attributes, @Nullable RequestInfo request) {
		Predicate<String> matcher = this.pathMatcher;
		if (matcher == null) {
			return true;
		}
		if (request != null && matcher.test(request.path())) {
			return true;
		}
		if (attributes.isEmpty()) {
			return false;
		}
		for (AttributeKey<String> key : PATH_ATTRIBUTES) {
			String candidate = attributes.get(key);
			if (candidate != null && matcher.test(candidate)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Ant-style matching, with the two shapes rules nearly always have (a literal path, a
	 * literal prefix ending in {@code /**}) answered without the general matcher.
	 */
	static Predicate<String> compile(String pattern) {
		if (isLiteral(pattern)) {
			return pattern::equals;
		}
		if (pattern.endsWith("/**") && isLiteral(pattern.substring(0, pattern.length() - 3))) {
			String prefix = pattern.substring(0, pattern.length() - 3);
			return (path) -> path.startsWith(prefix)
					&& (path.length() == prefix.length() || path.charAt(prefix.length()) == '/');
		}
		return (path) -> PATHS.match(pattern, path);
	}

	private static boolean isLiteral(String pattern) {
		return pattern.indexOf('*') < 0 && pattern.indexOf('?') < 0 && pattern.indexOf('{') < 0;
	}

	@Override
	public String toString() {
		return "SamplingRule[path=" + this.path + ", method=" + this.method + ", spanName=" + this.spanName
				+ ", attribute=" + this.attribute + ", value=" + this.value + ", ratio=" + this.ratio + "]";
	}

}
