package com.pyairtable.observability.logging;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The built-in secret rules of {@link SecretRedactor}, in the order they run (whole
 * tokens first, so that a JWT in an {@code Authorization} header is one secret, then the
 * keyed forms whose name is kept and whose value is replaced).
 * <p>
 * Every rule runs in time linear in the text: token shapes start on a boundary (a
 * negative lookbehind of the characters they consume, so a run of {@code eyJeyJ…} is
 * scanned once instead of once per position), quantifiers over unbounded runs are
 * possessive, lazy ones are bounded, and no quantifier applies to a group (Java recurses
 * once per iteration of a quantified group). Each rule names the lower-case substrings
 * one of which a text must hold for the rule to match; the redactor skips rules none of
 * whose triggers occur.
 */
final class SecretRules {

	/**
	 * Not a letter, digit, '_' or '-' before a token: tokens inside words are not tokens.
	 */
	private static final String START = "(?<![A-Za-z0-9_-])";

	/** The value that follows is not already a marker: redaction is idempotent. */
	private static final String NOT_REDACTED = "(?!\\[?REDACTED:)";

	/**
	 * The value is a placeholder, not a secret: {@code <your password>}, a variable
	 * reference ({@code ${DB_PASSWORD}}) or compose's {@code :?message} and
	 * {@code :-default}.
	 */
	private static final String PLACEHOLDER = "(?!<|\\$\\{|[?-])";

	/**
	 * Names of keyed values: passwords, secrets, tokens, api keys, signatures. No left
	 * boundary, so {@code client_secret}, {@code access_token} and {@code x-api-key} are
	 * found by their last word; grouped by first letter, and looked at by that letter
	 * first ({@link #KEYWORD_START}), so that a position costs one or two character
	 * comparisons instead of one per alternative.
	 */
	private static final String KEYWORDS = "(?:p(?:ass(?:word|wd|phrase)|wd|rivate[_-]?key(?:[_-]?id)?)|"
			+ "s(?:ecret(?:[_-]?(?:access[_-]?)?key)?|ig(?:nature)?)|token|a(?:ccess|pi)[_-]?key|jsessionid)";

	private static final String KEYWORD_START = "(?=[pstaj])";

	private static final List<String> KEYWORD_TRIGGERS = List.of("pass", "pwd", "secret", "token", "key", "sig",
			"jsessionid");

	/**
	 * {@code Authorization:}, {@code "authorization": "}, {@code Authorization=[} and
	 * alike.
	 */
	private static final String AUTHORIZATION = "(?:proxy-)?authorization\\\\?[\"']?+\\s*+[:=]\\s*+\\\\?[\"'\\[]?+";

	/**
	 * Schemes whose parameters span the rest of the value, commas and quotes included.
	 */
	private static final String PARAMETER_SCHEMES = "digest|aws4-hmac-sha256|hoba|mutual|vapid|scram-sha-[0-9]++";

	static final List<Rule> DEFAULTS = List.of(new PrivateKeyRule(),
			// A JWT cut before its signature (a parser's error message quotes a token up
			// to a
			// limit) is still one.
			token("jwt", "eyJ[A-Za-z0-9_-]{5,}+\\.eyJ[A-Za-z0-9_-]{5,}+(?:\\.[A-Za-z0-9_-]*+)?+", "eyj"),
			token("airtable-pat", "pat[A-Za-z0-9]{14}\\.[a-fA-F0-9]{64}", "pat"),
			// The token id alone (what a parser quotes when it stops at the '.'): mixed
			// case
			// with a digit, exactly 14 characters, so that words starting with "pat"
			// stay.
			token("airtable-pat-id",
					"pat(?=[a-z0-9]{0,13}+[A-Z])(?=[A-Za-z]{0,13}+[0-9])(?=[A-Z0-9]{0,13}+[a-z])"
							+ "[A-Za-z0-9]{14}(?![A-Za-z0-9.])",
					"pat"),
			token("google-api-key", "AIza[0-9A-Za-z_-]{35}", "aiza"),
			// A key glued into a name ("records-sk-proj-…") is still a key: '-' and '_'
			// may precede
			// it. The digit look-ahead is bounded so that a run of "-sk-" stays linear.
			glued("anthropic-key", "sk-ant-(?=[A-Za-z_-]{0,64}+[0-9])[A-Za-z0-9_-]{20,}+", "sk-ant-"),
			glued("openai-key", "sk-(?=[A-Za-z_-]{0,64}+[0-9])[A-Za-z0-9_-]{20,}+", "sk-"),
			token("aws-access-key-id", "(?:AKIA|ASIA|ABIA|ACCA|A3T[A-Z0-9])[A-Z0-9]{16}(?![A-Za-z0-9])", "akia", "asia",
					"abia", "acca", "a3t"),
			token("github-token", "gh[pousr]_[A-Za-z0-9]{36,}+", "ghp_", "gho_", "ghu_", "ghs_", "ghr_"),
			token("github-fine-grained-pat", "github_pat_[A-Za-z0-9_]{30,}+", "github_pat_"),
			token("gitlab-token", "gl(?:pat|dt|rt|ptt)-[A-Za-z0-9_-]{20,}+", "glpat-", "gldt-", "glrt-", "glptt-"),
			token("stripe-key", "(?:(?:sk|rk)_(?:live|test|prod)_[A-Za-z0-9]{10,}+|whsec_[A-Za-z0-9]{20,}+)", "_live_",
					"_test_", "_prod_", "whsec_"),
			token("slack-token", "(?:xox[abeoprs]|xapp-[0-9])-[A-Za-z0-9-]{10,}+", "xox", "xapp-"),
			keyed("slack-webhook",
					"(?<p>hooks\\.slack\\.com/(?:services|workflows|triggers)/)(?<s>[A-Za-z0-9+/_-]{20,}+)",
					"hooks.slack.com"),
			token("sendgrid-key", "SG\\.[A-Za-z0-9_-]{20,24}+\\.[A-Za-z0-9_-]{40,50}+", "sg."),
			token("twilio-api-key", "SK[0-9a-fA-F]{32}(?![0-9a-fA-F])", "sk"),
			token("npm-token", "npm_[A-Za-z0-9]{36}(?![A-Za-z0-9])", "npm_"),
			token("pypi-token", "pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,}+", "pypi-"),
			token("huggingface-token", "hf_[A-Za-z]{34}(?![A-Za-z0-9])", "hf_"),
			token("shopify-token", "shp(?:at|ca|pa|ss)_[a-fA-F0-9]{32}(?![a-fA-F0-9])", "shp"),
			token("digitalocean-token", "do[opr]_v1_[a-f0-9]{64}(?![a-f0-9])", "_v1_"),
			separated(":=", "authorization-parameters",
					"(?i)(?<p>" + AUTHORIZATION + "(?:" + PARAMETER_SCHEMES + ")\\s++)" + NOT_REDACTED
							+ "(?<s>[^\\r\\n\\]]++)",
					"authorization"),
			separated(":=", "authorization",
					"(?i)(?<p>" + AUTHORIZATION + "(?:(?:bearer|basic|token|negotiate|ntlm|apikey|sso-key|"
							+ PARAMETER_SCHEMES + ")\\s++)?+)" + NOT_REDACTED + "(?<s>[^\\s\"',;\\]]++)",
					"authorization"),
			keyed("bearer", "(?i)" + START + "(?<p>bearer\\s++)" + NOT_REDACTED + "(?<s>[A-Za-z0-9._~+/-]++=*+)",
					"bearer"),
			separated(":=", "cookie",
					"(?i)" + START + "(?<p>(?:set-)?cookie\\\\?[\"']?+\\s*+[:=]\\s*+\\\\?[\"'\\[]?+)" + NOT_REDACTED
							+ "(?<s>[^\\r\\n\"\\]]++)",
					"cookie"),
			separated("\"", "json-member",
					"(?i)(?<p>\"[A-Za-z0-9_.-]{0,40}?" + KEYWORDS + "\\\\?\"\\s*+:\\s*+\\\\?\")" + NOT_REDACTED
							+ "(?<s>[^\"\\r\\n]++)",
					KEYWORD_TRIGGERS.toArray(String[]::new)),
			separated(":=%", "key-value",
					"(?i)" + KEYWORD_START + "(?<p>" + KEYWORDS + "\\\\?[\"']?+\\s*+(?:=|:|%3d)\\s*+\\\\?[\"'\\[]?+)"
							+ NOT_REDACTED + PLACEHOLDER + "(?<s>[^&\\s\"',;\\]}]++)",
					KEYWORD_TRIGGERS.toArray(String[]::new)),
			keyed("url-password",
					"(?<p>://[^\\s:/?#@\"'<>\\[\\]]{0,256}+:)" + NOT_REDACTED + "(?<s>[^\\s/?#\"'<>]+)(?=@)", "://"),
			keyed("url-user-token", "(?<p>://)" + NOT_REDACTED + "(?<s>[A-Za-z0-9_-]{16,}+)(?=@)", "://"));

	private SecretRules() {
	}

	/** A token whose whole match is the secret, starting on a boundary. */
	private static Rule token(String name, String regex, String... triggers) {
		return new RegexRule(name, Pattern.compile(START + regex), false, List.of(triggers), "");
	}

	/** A token that may follow '-' or '_' but no letter or digit. */
	private static Rule glued(String name, String regex, String... triggers) {
		return new RegexRule(name, Pattern.compile("(?<![A-Za-z0-9])" + regex), false, List.of(triggers), "");
	}

	/**
	 * A rule whose group {@code s} is the secret and group {@code p}, before it, stays.
	 */
	private static Rule keyed(String name, String regex, String... triggers) {
		return new RegexRule(name, Pattern.compile(regex), true, List.of(triggers), "");
	}

	/**
	 * A keyed rule that can only match a text holding one of the given characters (its
	 * separators): a line that merely mentions a token is not searched.
	 */
	private static Rule separated(String anyOf, String name, String regex, String... triggers) {
		return new RegexRule(name, Pattern.compile(regex), true, List.of(triggers), anyOf);
	}

	/**
	 * One kind of secret.
	 */
	interface Rule {

		/** The rule's name, as the README lists it. */
		String name();

		/** Lower-case substrings one of which the text must hold; empty to always run. */
		List<String> triggers();

		/**
		 * Characters one of which the text must hold, besides a trigger; empty for none.
		 */
		default String anyOf() {
			return "";
		}

		/**
		 * The spans of the secrets in the text, in order and not overlapping, as pairs of
		 * start (inclusive) and end (exclusive) in one array.
		 */
		int[] find(CharSequence text);

	}

	/**
	 * A regular expression, run over values longer than {@link SecretRedactor#WINDOW} in
	 * windows of that length that overlap by {@link SecretRedactor#OVERLAP}: even a
	 * pattern of the user's that backtracks costs at most a bounded amount per window. A
	 * match must start before the next window does (matches further on are that
	 * window's); a match that reaches its window's end is matched again without the end,
	 * so it is never cut.
	 *
	 * @param name the rule's name, as the README lists it
	 * @param pattern the regular expression
	 * @param grouped whether group {@code s} rather than the whole match is the secret
	 * @param triggers lower-case substrings one of which the text must hold; empty to
	 * always run
	 * @param anyOf characters one of which the text must hold, besides a trigger; empty
	 * for none
	 */
	record RegexRule(String name, Pattern pattern, boolean grouped, List<String> triggers,
			String anyOf) implements Rule {

		@Override
		public int[] find(CharSequence text) {
			int length = text.length();
			Matcher matcher = this.pattern.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
			Spans spans = new Spans();
			int position = 0;
			int step = SecretRedactor.WINDOW - SecretRedactor.OVERLAP;
			for (int windowStart = 0; position < length; windowStart += step) {
				int windowEnd = Math.min(length, windowStart + SecretRedactor.WINDOW);
				boolean last = windowEnd == length;
				int limit = last ? length + 1 : windowStart + step;
				if (position < windowStart) {
					position = windowStart;
				}
				while (position <= windowEnd) {
					matcher.region(position, windowEnd);
					if (!matcher.find() || matcher.start() >= limit) {
						break;
					}
					int start = matcher.start();
					if (!last && matcher.end() == windowEnd) {
						matcher.region(start, length);
						if (!matcher.lookingAt()) {
							matcher.region(start, windowEnd);
							matcher.lookingAt();
						}
					}
					int end = matcher.end();
					if (this.grouped) {
						spans.add(matcher.start("s"), matcher.end("s"));
					}
					else {
						spans.add(start, end);
					}
					position = (end > start) ? end : end + 1;
				}
				if (last) {
					break;
				}
			}
			return spans.toArray();
		}

	}

	/**
	 * A PEM private key block, from its {@code -----BEGIN … PRIVATE KEY-----} line to its
	 * {@code END} line, or to the end of the text when the block was cut: one search for
	 * the end per block, so linear without windows.
	 */
	static final class PrivateKeyRule implements Rule {

		private static final Pattern BEGIN = Pattern.compile("-----BEGIN[ A-Z0-9_-]{0,64}?PRIVATE KEY(?: BLOCK)?-----");

		private static final Pattern END = Pattern.compile("-----END[ A-Z0-9_-]{0,64}?PRIVATE KEY(?: BLOCK)?-----");

		@Override
		public String name() {
			return "private-key";
		}

		@Override
		public List<String> triggers() {
			return List.of("-----begin");
		}

		@Override
		public int[] find(CharSequence text) {
			Spans spans = new Spans();
			Matcher begin = BEGIN.matcher(text);
			Matcher end = END.matcher(text);
			int position = 0;
			while (position < text.length() && begin.find(position)) {
				int stop = end.find(begin.end()) ? end.end() : text.length();
				spans.add(begin.start(), stop);
				position = stop;
			}
			return spans.toArray();
		}

	}

	/** Pairs of ints, grown as needed. */
	private static final class Spans {

		private final List<int[]> pairs = new ArrayList<>();

		void add(int start, int end) {
			if (start >= 0 && end > start) {
				this.pairs.add(new int[] { start, end });
			}
		}

		int[] toArray() {
			int[] result = new int[this.pairs.size() * 2];
			for (int i = 0; i < this.pairs.size(); i++) {
				result[2 * i] = this.pairs.get(i)[0];
				result[2 * i + 1] = this.pairs.get(i)[1];
			}
			return result;
		}

	}

}
