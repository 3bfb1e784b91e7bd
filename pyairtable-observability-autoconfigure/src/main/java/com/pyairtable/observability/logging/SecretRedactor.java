package com.pyairtable.observability.logging;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.pyairtable.observability.logging.SecretRules.RegexRule;
import com.pyairtable.observability.logging.SecretRules.Rule;
import org.jspecify.annotations.Nullable;

/**
 * Replaces API keys, tokens, passwords and private keys with
 * {@code [REDACTED:<first 8 hex of their HMAC-SHA256>]} under a deployment key, so that
 * the same secret can still be followed across lines and services without being readable
 * or guessable. Without a key, a random key drawn once per process is used: markers then
 * correlate within one process only. A text holding none of the rules' trigger substrings
 * is returned as is without running any regular expression; every rule runs in linear
 * time, and values longer than {@value #WINDOW} characters are scanned in overlapping
 * windows. Redaction never fails open: when it throws, the whole value is replaced by
 * {@link #DROPPED}. Airtable ids ({@code app…}, {@code tbl…}, {@code rec…}), trace and
 * span ids, UUIDs, class, thread and service names are not secrets and stay.
 */
public final class SecretRedactor {

	/** Prefix of every replacement. */
	public static final String MARKER = "[REDACTED:";

	/**
	 * What a value becomes when redacting it failed: it is dropped, never passed through.
	 */
	public static final String DROPPED = MARKER + "dropped]";

	/** Length in characters beyond which a value is scanned in windows of this length. */
	public static final int WINDOW = 16 * 1024;

	/** Overlap of consecutive windows, in characters. */
	public static final int OVERLAP = 4 * 1024;

	private static final String HMAC = "HmacSHA256";

	private static final int ALWAYS = -1;

	private final List<Rule> rules;

	/** The key; never exposed, never written. */
	private final byte[] key;

	private final Mac mac;

	/** The distinct lower-case triggers of all rules, found in one pass over the text. */
	private final String[] triggers;

	/**
	 * Per ASCII code: the indexes in {@link #triggers} of the triggers starting with it.
	 */
	private final int[][] byFirst = new int[128][];

	/**
	 * Per ASCII code: the second characters of the triggers starting with it, as bits of
	 * ASCII codes 0-63 and 64-127; most letters of a text are rejected on these two bits
	 * without comparing any trigger.
	 */
	private final long[] secondLow = new long[128];

	private final long[] secondHigh = new long[128];

	/** Per rule: {@link #ALWAYS}, or the mask of its triggers' bits. */
	private final long[] triggerMasks;

	private SecretRedactor(List<Rule> rules, byte[] key) {
		this.rules = List.copyOf(rules);
		this.key = key;
		this.mac = mac(key);
		List<String> distinct = new ArrayList<>();
		this.triggerMasks = new long[this.rules.size()];
		for (int i = 0; i < this.rules.size(); i++) {
			List<String> ruleTriggers = this.rules.get(i).triggers();
			long mask = ruleTriggers.isEmpty() ? ALWAYS : 0;
			for (String trigger : ruleTriggers) {
				String folded = trigger.toLowerCase(Locale.ROOT);
				if (folded.length() < 2 || folded.chars().anyMatch((c) -> c >= 128)) {
					throw new IllegalStateException("A trigger has 2 or more ASCII characters: '" + trigger + "'");
				}
				if (!distinct.contains(folded)) {
					distinct.add(folded);
				}
				mask |= 1L << distinct.indexOf(folded);
			}
			this.triggerMasks[i] = mask;
		}
		if (distinct.size() > 63) {
			throw new IllegalStateException("At most 63 distinct triggers, found " + distinct.size());
		}
		this.triggers = distinct.toArray(String[]::new);
		for (int t = 0; t < this.triggers.length; t++) {
			char first = this.triggers[t].charAt(0);
			int[] previous = (this.byFirst[first] != null) ? this.byFirst[first] : new int[0];
			int[] grown = Arrays.copyOf(previous, previous.length + 1);
			grown[previous.length] = t;
			this.byFirst[first] = grown;
			char second = this.triggers[t].charAt(1);
			if (second < 64) {
				this.secondLow[first] |= 1L << second;
			}
			else {
				this.secondHigh[first] |= 1L << (second - 64);
			}
		}
	}

	/**
	 * The redactor with the built-in patterns only, under the process's key.
	 * @return the redactor
	 */
	public static SecretRedactor withDefaults() {
		return builder().build();
	}

	/**
	 * The redactor with the built-in patterns and extra ones, under the process's key;
	 * each extra pattern's whole match is replaced, and it is always run (no fast path).
	 * @param extraPatterns regular expressions
	 * @return the redactor
	 * @throws java.util.regex.PatternSyntaxException if a pattern is invalid
	 */
	public static SecretRedactor withExtraPatterns(List<String> extraPatterns) {
		return builder().extraPatterns(extraPatterns).build();
	}

	/**
	 * A builder of a redactor with a given key and extra patterns.
	 * @return the builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * The text with every secret replaced; never the secret itself, even when redaction
	 * fails ({@link #DROPPED} then).
	 * @param text the text, may be {@code null}
	 * @return the redacted text, the same instance when nothing was found
	 */
	public @Nullable String redact(@Nullable String text) {
		if (text == null || text.isEmpty()) {
			return text;
		}
		try {
			String redacted = redact(text, UnaryOperator.identity());
			// A secret sent percent-encoded (a path variable, a form echoed in a URL) is
			// redacted in its decoded form, up to twice encoded.
			String decoded = redacted;
			for (int round = 0; round < 2; round++) {
				String next = percentDecoded(decoded);
				if (next == decoded) {
					break;
				}
				decoded = next;
				String again = redact(decoded, UnaryOperator.identity());
				if (again != decoded) {
					return redact(percentDecoded(again), UnaryOperator.identity());
				}
			}
			return redacted;
		}
		catch (RuntimeException | StackOverflowError ex) {
			return DROPPED;
		}
	}

	/**
	 * The text with its {@code %XX} escapes decoded as UTF-8, the same instance when it
	 * has none; '+' and malformed escapes stay as they are.
	 */
	static String percentDecoded(String text) {
		int first = nextEscape(text, 0);
		if (first < 0) {
			return text;
		}
		StringBuilder result = new StringBuilder(text.length());
		result.append(text, 0, first);
		byte[] bytes = new byte[text.length() / 3];
		int i = first;
		while (i < text.length()) {
			if (nextEscape(text, i) == i) {
				int count = 0;
				while (i < text.length() && nextEscape(text, i) == i) {
					bytes[count++] = (byte) Integer.parseInt(text, i + 1, i + 3, 16);
					i += 3;
				}
				result.append(new String(bytes, 0, count, StandardCharsets.UTF_8));
			}
			else {
				result.append(text.charAt(i++));
			}
		}
		return result.toString();
	}

	/** Where the next {@code %XX} escape at or after {@code from} starts, or -1. */
	private static int nextEscape(String text, int from) {
		int at = text.indexOf('%', from);
		while (at >= 0 && at + 2 < text.length()) {
			if (Character.digit(text.charAt(at + 1), 16) >= 0 && Character.digit(text.charAt(at + 2), 16) >= 0) {
				return at;
			}
			at = text.indexOf('%', at + 1);
		}
		return -1;
	}

	/**
	 * Whether the text holds a secret (or could not be redacted).
	 * @param text the text, may be {@code null}
	 * @return whether {@link #redact(String)} changes it
	 */
	public boolean containsSecret(@Nullable String text) {
		return redact(text) != text;
	}

	/**
	 * The text with every secret replaced, each intermediate text seen through a view
	 * (the tests count the characters the rules read through it).
	 */
	String redact(String text, UnaryOperator<CharSequence> view) {
		long found = triggersIn(text);
		CharSequence current = view.apply(text);
		boolean changed = false;
		for (int i = 0; i < this.rules.size(); i++) {
			long mask = this.triggerMasks[i];
			if (mask != ALWAYS && (found & mask) == 0) {
				continue;
			}
			Rule rule = this.rules.get(i);
			if (!containsAny(text, rule.anyOf())) {
				continue;
			}
			int[] spans = rule.find(current);
			if (spans.length > 0) {
				current = view.apply(replace(current, spans));
				changed = true;
			}
		}
		return changed ? current.toString() : text;
	}

	/** Whether the text holds one of the characters, or there are none to look for. */
	private static boolean containsAny(String text, String characters) {
		for (int i = 0; i < characters.length(); i++) {
			if (text.indexOf(characters.charAt(i)) >= 0) {
				return true;
			}
		}
		return characters.isEmpty();
	}

	private String replace(CharSequence text, int[] spans) {
		StringBuilder result = new StringBuilder(text.length());
		int copied = 0;
		for (int i = 0; i < spans.length; i += 2) {
			result.append(text, copied, spans[i]);
			result.append(replacement(text.subSequence(spans[i], spans[i + 1]).toString()));
			copied = spans[i + 1];
		}
		result.append(text, copied, text.length());
		return result.toString();
	}

	/**
	 * Which triggers occur in the text, as bits in the order of {@link #triggers}: one
	 * pass over the text instead of one per rule. ASCII case only, as the rules'
	 * patterns.
	 */
	private long triggersIn(String text) {
		String[] all = this.triggers;
		long found = 0;
		long every = (1L << all.length) - 1;
		for (int i = 0, length = text.length(); i < length && found != every; i++) {
			char c = text.charAt(i);
			char lower = (c >= 'A' && c <= 'Z') ? (char) (c + ('a' - 'A')) : c;
			int[] candidates = (lower < 128) ? this.byFirst[lower] : null;
			if (candidates == null || i + 1 == length) {
				continue;
			}
			char next = text.charAt(i + 1);
			next = (next >= 'A' && next <= 'Z') ? (char) (next + ('a' - 'A')) : next;
			if (next >= 128 || ((next < 64) ? (this.secondLow[lower] >>> next) & 1
					: (this.secondHigh[lower] >>> (next - 64)) & 1) == 0) {
				continue;
			}
			for (int t : candidates) {
				String trigger = all[t];
				if ((found & (1L << t)) == 0 && text.regionMatches(true, i, trigger, 0, trigger.length())) {
					found |= 1L << t;
				}
			}
		}
		return found;
	}

	/**
	 * The replacement of one secret.
	 * @param secret the secret
	 * @return {@code [REDACTED:<first 8 hex of its HMAC-SHA256 under this redactor's key>]}
	 */
	public String replacement(String secret) {
		return MARKER + HexFormat.of().formatHex(hmac(secret), 0, 4) + "]";
	}

	/**
	 * A short keyed hash of a value, such as a user id: the same value gives the same
	 * hash under the same key, and the hash cannot be reversed from a list of candidates
	 * without the key.
	 * @param value the value in clear
	 * @return the first 16 hex of its HMAC-SHA256 under this redactor's key
	 */
	public String keyedHash(String value) {
		return HexFormat.of().formatHex(hmac(value), 0, 8);
	}

	private byte[] hmac(String value) {
		Mac mac;
		try {
			// A clone of the initialised prototype is cheaper than a provider look-up.
			mac = (Mac) this.mac.clone();
		}
		catch (CloneNotSupportedException ex) {
			mac = mac(this.key);
		}
		return mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
	}

	private static Mac mac(byte[] key) {
		try {
			Mac mac = Mac.getInstance(HMAC);
			mac.init(new SecretKeySpec(key, HMAC));
			return mac;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

	/**
	 * The names of the built-in rules, in the order they run.
	 * @return the names
	 */
	public static List<String> builtInRuleNames() {
		return SecretRules.DEFAULTS.stream().map(Rule::name).toList();
	}

	@Override
	public String toString() {
		return "SecretRedactor[" + this.rules.size() + " patterns]";
	}

	/**
	 * Builds a {@link SecretRedactor}.
	 */
	public static final class Builder {

		private byte @Nullable [] key;

		private final List<String> extraPatterns = new ArrayList<>();

		private Builder() {
		}

		/**
		 * The key of the markers' HMAC; the process's random key when not set or empty.
		 * @param key the key's bytes, may be {@code null}
		 * @return this builder
		 */
		public Builder key(byte @Nullable [] key) {
			this.key = (key != null && key.length > 0) ? key.clone() : null;
			return this;
		}

		/**
		 * The key of the markers' HMAC, as its UTF-8 bytes; the process's random key when
		 * not set or blank.
		 * @param key the key, may be {@code null}
		 * @return this builder
		 */
		public Builder key(@Nullable String key) {
			return key((key != null && !key.isBlank()) ? key.getBytes(StandardCharsets.UTF_8) : null);
		}

		/**
		 * Extra regular expressions whose whole matches are redacted, always run.
		 * @param extraPatterns regular expressions
		 * @return this builder
		 */
		public Builder extraPatterns(List<String> extraPatterns) {
			this.extraPatterns.addAll(extraPatterns);
			return this;
		}

		/**
		 * The redactor.
		 * @return the redactor
		 * @throws java.util.regex.PatternSyntaxException if an extra pattern is invalid
		 */
		public SecretRedactor build() {
			List<Rule> rules = new ArrayList<>(SecretRules.DEFAULTS);
			for (String pattern : this.extraPatterns) {
				rules.add(new RegexRule("extra", Pattern.compile(pattern), false, List.of(), ""));
			}
			return new SecretRedactor(rules, (this.key != null) ? this.key : ProcessKey.KEY);
		}

	}

	/** The key used when none is set: drawn once per process, never written anywhere. */
	private static final class ProcessKey {

		static final byte[] KEY = new byte[32];

		static {
			new SecureRandom().nextBytes(KEY);
		}

	}

}
