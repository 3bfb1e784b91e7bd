package com.pyairtable.observability.autoconfigure.llm;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * LLM call metrics.
 */
@ConfigurationProperties(LlmMetricsProperties.PREFIX)
public class LlmMetricsProperties {

	/** Prefix of the LLM metrics properties. */
	public static final String PREFIX = "pyairtable.observability.metrics.llm";

	/** Whether LLM calls are recorded. */
	private boolean enabled = true;

	/**
	 * Price per model name (use "[gemini-2.5-flash]" for names with dots); other models
	 * cost 0.
	 */
	private final Map<String, Price> pricing = new LinkedHashMap<>();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public Map<String, Price> getPricing() {
		return this.pricing;
	}

	/**
	 * The price of one model in US dollars.
	 */
	public static class Price {

		/** US dollars per million input (prompt) tokens. */
		private double inputPerMillionTokens;

		/** US dollars per million output (completion) tokens. */
		private double outputPerMillionTokens;

		public double getInputPerMillionTokens() {
			return this.inputPerMillionTokens;
		}

		public void setInputPerMillionTokens(double inputPerMillionTokens) {
			this.inputPerMillionTokens = check("input-per-million-tokens", inputPerMillionTokens);
		}

		public double getOutputPerMillionTokens() {
			return this.outputPerMillionTokens;
		}

		public void setOutputPerMillionTokens(double outputPerMillionTokens) {
			this.outputPerMillionTokens = check("output-per-million-tokens", outputPerMillionTokens);
		}

		private static double check(String key, double value) {
			if (!(value >= 0) || Double.isInfinite(value)) {
				throw new IllegalArgumentException(
						PREFIX + ".pricing.<model>." + key + " must be zero or a positive number, was " + value);
			}
			return value;
		}

	}

}
