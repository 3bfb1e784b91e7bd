package com.pyairtable.observability.llm;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.ai.chat.metadata.ChatResponseMetadata;
import org.springframework.ai.chat.metadata.Usage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.observation.ChatModelObservationContext;
import org.springframework.ai.chat.prompt.ChatOptions;

/**
 * Records every Spring AI {@code ChatModel} call in {@link LlmMetrics} from Spring AI's
 * own observations: provider, model (the requested one, else the one that answered),
 * operation, status, token usage, cost and duration. No application code needed.
 */
public class SpringAiChatModelObservationHandler implements ObservationHandler<ChatModelObservationContext> {

	private static final Log logger = LogFactory.getLog(SpringAiChatModelObservationHandler.class);

	private static final String START = SpringAiChatModelObservationHandler.class.getName() + ".start";

	private final LlmMetrics metrics;

	/**
	 * Creates a handler.
	 * @param metrics where calls are recorded
	 */
	public SpringAiChatModelObservationHandler(LlmMetrics metrics) {
		this.metrics = metrics;
	}

	@Override
	public void onStart(ChatModelObservationContext context) {
		context.put(START, System.nanoTime());
	}

	@Override
	public void onStop(ChatModelObservationContext context) {
		try {
			Long start = context.get(START);
			long duration = (start != null) ? System.nanoTime() - start : 0;
			ChatResponse response = context.getResponse();
			Usage usage = (response != null && response.getMetadata() != null) ? response.getMetadata().getUsage()
					: null;
			this.metrics.recordCall(LlmCall.builder(context.getOperationMetadata().provider(), model(context, response))
				.operation(context.getOperationMetadata().operationType())
				.status((context.getError() != null) ? LlmMetricNames.ERROR : LlmMetricNames.SUCCESS)
				.inputTokens(tokens((usage != null) ? usage.getPromptTokens() : null))
				.outputTokens(tokens((usage != null) ? usage.getCompletionTokens() : null))
				.duration(java.time.Duration.ofNanos(duration))
				.build());
		}
		catch (RuntimeException ex) {
			logger.debug("Could not record a Spring AI chat call", ex);
		}
	}

	private static String model(ChatModelObservationContext context, @Nullable ChatResponse response) {
		ChatOptions options = context.getRequest().getOptions();
		String model = (options != null) ? options.getModel() : null;
		if (model == null || model.isBlank()) {
			ChatResponseMetadata metadata = (response != null) ? response.getMetadata() : null;
			model = (metadata != null) ? metadata.getModel() : null;
		}
		return (model == null || model.isBlank()) ? "unknown" : model;
	}

	private static long tokens(@Nullable Integer tokens) {
		return (tokens != null) ? tokens : 0;
	}

	@Override
	public boolean supportsContext(Observation.Context context) {
		return context instanceof ChatModelObservationContext;
	}

}
