package com.pyairtable.observability.llm;

import java.time.Duration;
import java.util.Objects;

/**
 * One call to a model, as recorded by {@link LlmMetrics#recordCall(LlmCall)}.
 *
 * @param provider the provider, such as {@code gemini}
 * @param model the model, such as {@code gemini-2.5-flash}
 * @param operation the operation, such as {@code chat}
 * @param status the outcome, such as {@code success} or {@code error}
 * @param inputTokens the input (prompt) tokens
 * @param outputTokens the output (completion) tokens
 * @param duration how long the call took
 */
public record LlmCall(String provider, String model, String operation, String status, long inputTokens,
		long outputTokens, Duration duration) {

	/**
	 * Starts a builder for a successful {@code chat} call with no tokens and no duration.
	 * @param provider the provider
	 * @param model the model
	 * @return the builder
	 */
	public static Builder builder(String provider, String model) {
		return new Builder(provider, model);
	}

	/**
	 * Builds an {@link LlmCall}.
	 */
	public static final class Builder {

		private final String provider;

		private final String model;

		private String operation = "chat";

		private String status = LlmMetricNames.SUCCESS;

		private long inputTokens;

		private long outputTokens;

		private Duration duration = Duration.ZERO;

		private Builder(String provider, String model) {
			this.provider = provider;
			this.model = model;
		}

		/**
		 * Sets the operation.
		 * @param operation such as {@code chat}, {@code completion}, {@code embedding}
		 * @return this builder
		 */
		public Builder operation(String operation) {
			this.operation = Objects.requireNonNullElse(operation, "unknown");
			return this;
		}

		/**
		 * Sets the outcome.
		 * @param status such as {@code success}, {@code error} or an HTTP code
		 * @return this builder
		 */
		public Builder status(String status) {
			this.status = Objects.requireNonNullElse(status, "unknown");
			return this;
		}

		/**
		 * Marks the call as failed ({@code status=error}).
		 * @return this builder
		 */
		public Builder failed() {
			this.status = LlmMetricNames.ERROR;
			return this;
		}

		/**
		 * Sets the input (prompt) tokens.
		 * @param tokens the tokens
		 * @return this builder
		 */
		public Builder inputTokens(long tokens) {
			this.inputTokens = tokens;
			return this;
		}

		/**
		 * Sets the output (completion) tokens.
		 * @param tokens the tokens
		 * @return this builder
		 */
		public Builder outputTokens(long tokens) {
			this.outputTokens = tokens;
			return this;
		}

		/**
		 * Sets the duration.
		 * @param duration how long the call took
		 * @return this builder
		 */
		public Builder duration(Duration duration) {
			this.duration = Objects.requireNonNullElse(duration, Duration.ZERO);
			return this;
		}

		/**
		 * Builds the call.
		 * @return the call
		 */
		public LlmCall build() {
			return new LlmCall(this.provider, this.model, this.operation, this.status, this.inputTokens,
					this.outputTokens, this.duration);
		}

	}

}
