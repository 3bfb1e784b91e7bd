package com.pyairtable.observability.logging;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Replaces API keys and tokens with {@code [REDACTED:<first 8 hex of their SHA-256>]}, so
 * that the same key can still be followed without being readable. A line holding none of
 * the patterns' trigger substrings is returned as is without running any regular
 * expression. Airtable base and table ids ({@code app…}, {@code tbl…}) are not secrets and
 * stay.
 */
public final class SecretRedactor {

	/** Prefix of every replacement. */
	public static final String MARKER = "[REDACTED:";

	private static final int ALWAYS = -1;

	private static final int CASE_SENSITIVE = -2;

	private static final String NOT_REDACTED = "(?!\\[REDACTED)";

	private static final List<Rule> DEFAULT_RULES = List.of(
			// Airtable personal access token: pat + 14 alphanumerics + '.' + 64 hex.
			new Rule(Pattern.compile("pat[A-Za-z0-9]{14}\\.[a-fA-F0-9]{64}"), "pat", false),
			// Google / Gemini API key.
			new Rule(Pattern.compile("AIza[0-9A-Za-z_\\-]{35}"), "AIza", false),
			// Anthropic, then OpenAI-style keys.
			new Rule(Pattern.compile("sk-ant-[A-Za-z0-9_\\-]{16,}"), "sk-", false),
			new Rule(Pattern.compile("sk-[A-Za-z0-9_\\-]{16,}"), "sk-", false),
			// JSON Web Token.
			new Rule(Pattern.compile("eyJ[A-Za-z0-9_\\-]{5,}\\.eyJ[A-Za-z0-9_\\-]{5,}\\.[A-Za-z0-9_\\-]+"), "eyJ", false),
			// Authorization header value, with or without its scheme.
			new Rule(Pattern.compile("(?i)(?<p>authorization[\"']?\\s*[:=]\\s*[\"']?(?:bearer\\s++|basic\\s++|token\\s++)?+)"
					+ NOT_REDACTED + "(?<s>[^\\s\"',;&]+)"), "authorization", true),
			// Bearer token anywhere.
			new Rule(Pattern.compile("(?i)(?<p>bearer\\s++)" + NOT_REDACTED + "(?<s>[A-Za-z0-9._~+/\\-]+=*)"), "bearer",
					true),
			// api_key= / token= query and form parameters.
			new Rule(Pattern.compile("(?i)(?<p>api[_-]?key=)" + NOT_REDACTED + "(?<s>[^&\\s\"',;]+)"), "key=", true),
			new Rule(Pattern.compile("(?i)(?<p>token=)" + NOT_REDACTED + "(?<s>[^&\\s\"',;]+)"), "token=", true));

	private final List<Rule> rules;

	/** The lower-case triggers of case-insensitive rules, found in one pass over the text. */
	private final String[] foldedTriggers;

	/** The first characters of {@link #foldedTriggers}, as bits of ASCII codes 0-63 and 64-127. */
	private final long firstLow;

	private final long firstHigh;

	/** Per rule: {@link #ALWAYS}, {@link #CASE_SENSITIVE}, or its bit in the found triggers. */
	private final int[] triggerBits;

	private SecretRedactor(List<Rule> rules) {
		this.rules = List.copyOf(rules);
		List<String> folded = new ArrayList<>();
		this.triggerBits = new int[this.rules.size()];
		for (int i = 0; i < this.rules.size(); i++) {
			Rule rule = this.rules.get(i);
			if (rule.trigger().isEmpty()) {
				this.triggerBits[i] = ALWAYS;
			}
			else if ((rule.pattern().flags() & Pattern.CASE_INSENSITIVE) == 0
					&& !rule.pattern().pattern().startsWith("(?i)")) {
				this.triggerBits[i] = CASE_SENSITIVE;
			}
			else {
				String trigger = rule.trigger().toLowerCase(Locale.ROOT);
				if (!folded.contains(trigger)) {
					folded.add(trigger);
				}
				this.triggerBits[i] = folded.indexOf(trigger);
			}
		}
		this.foldedTriggers = folded.toArray(String[]::new);
		long low = 0;
		long high = 0;
		for (String trigger : this.foldedTriggers) {
			char first = trigger.charAt(0);
			if (first < 64) {
				low |= 1L << first;
			}
			else if (first < 128) {
				high |= 1L << (first - 64);
			}
		}
		this.firstLow = low;
		this.firstHigh = high;
	}

	/**
	 * The redactor with the built-in patterns only.
	 * @return the redactor
	 */
	public static SecretRedactor withDefaults() {
		return new SecretRedactor(DEFAULT_RULES);
	}

	/**
	 * The redactor with the built-in patterns and extra ones; each extra pattern's whole
	 * match is replaced, and it is always run (no fast path).
	 * @param extraPatterns regular expressions
	 * @return the redactor
	 * @throws java.util.regex.PatternSyntaxException if a pattern is invalid
	 */
	public static SecretRedactor withExtraPatterns(List<String> extraPatterns) {
		List<Rule> rules = new ArrayList<>(DEFAULT_RULES);
		for (String pattern : extraPatterns) {
			rules.add(new Rule(Pattern.compile(pattern), "", false));
		}
		return new SecretRedactor(rules);
	}

	/**
	 * The text with every secret replaced.
	 * @param text the text, may be {@code null}
	 * @return the redacted text, the same instance when nothing was found
	 */
	public @Nullable String redact(@Nullable String text) {
		if (text == null || text.isEmpty()) {
			return text;
		}
		long folded = foldedTriggersIn(text);
		String result = text;
		for (int i = 0; i < this.rules.size(); i++) {
			Rule rule = this.rules.get(i);
			int bit = this.triggerBits[i];
			boolean mayMatch = switch (bit) {
				case ALWAYS -> true;
				case CASE_SENSITIVE -> result.contains(rule.trigger());
				default -> (folded & (1L << bit)) != 0;
			};
			if (mayMatch) {
				result = rule.apply(result);
			}
		}
		return result;
	}

	/**
	 * Which case-insensitive triggers occur in the text, as bits in the order of
	 * {@link #foldedTriggers}: one pass over the text instead of one per rule. ASCII case only,
	 * as the rules' {@code (?i)} patterns.
	 */
	private long foldedTriggersIn(String text) {
		String[] triggers = this.foldedTriggers;
		long found = 0;
		long all = (1L << triggers.length) - 1;
		for (int i = 0, length = text.length(); i < length && found != all; i++) {
			char c = text.charAt(i);
			char lower = (c >= 'A' && c <= 'Z') ? (char) (c + ('a' - 'A')) : c;
			if (lower >= 128 || ((lower < 64) ? (this.firstLow >>> lower) & 1 : (this.firstHigh >>> (lower - 64)) & 1) == 0) {
				continue;
			}
			for (int t = 0; t < triggers.length; t++) {
				String trigger = triggers[t];
				if (lower == trigger.charAt(0) && (found & (1L << t)) == 0
						&& text.regionMatches(true, i, trigger, 0, trigger.length())) {
					found |= 1L << t;
				}
			}
		}
		return found;
	}

	/**
	 * The replacement of one secret.
	 * @param secret the secret
	 * @return {@code [REDACTED:<first 8 hex of its SHA-256>]}
	 */
	public static String replacement(String secret) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
			return MARKER + HexFormat.of().formatHex(digest, 0, 4) + "]";
		}
		catch (NoSuchAlgorithmException ex) {
			return MARKER + "unknown]";
		}
	}

	private record Rule(Pattern pattern, String trigger, boolean grouped) {

		String apply(String text) {
			Matcher matcher = this.pattern.matcher(text);
			if (!matcher.find()) {
				return text;
			}
			StringBuilder result = new StringBuilder(text.length());
			do {
				String replacement = this.grouped ? matcher.group("p") + replacement(matcher.group("s"))
						: replacement(matcher.group());
				matcher.appendReplacement(result, Matcher.quoteReplacement(replacement));
			}
			while (matcher.find());
			matcher.appendTail(result);
			return result.toString();
		}

	}

	@Override
	public String toString() {
		return "SecretRedactor[" + this.rules.size() + " patterns]";
	}

}
