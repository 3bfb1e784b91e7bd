package com.pyairtable.observability.llm;

/**
 * The price of a model in US dollars per million tokens.
 *
 * @param inputPerMillionTokens the price of a million input (prompt) tokens
 * @param outputPerMillionTokens the price of a million output (completion) tokens
 */
public record LlmModelPrice(double inputPerMillionTokens, double outputPerMillionTokens) {

	/**
	 * The cost of a call.
	 * @param inputTokens the input tokens
	 * @param outputTokens the output tokens
	 * @return the cost in US dollars
	 */
	public double cost(long inputTokens, long outputTokens) {
		return (Math.max(0, inputTokens) * this.inputPerMillionTokens
				+ Math.max(0, outputTokens) * this.outputPerMillionTokens) / 1_000_000d;
	}

}
