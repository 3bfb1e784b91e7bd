package com.pyairtable.observability.llm;

/**
 * Meter and tag names of the LLM metrics; the names operators query, listed in
 * {@code docs/reference/metrics.md}.
 */
public final class LlmMetricNames {

	/** Counter {@code llm_requests_total{provider,model,operation,status}}. */
	public static final String REQUESTS = "llm.requests";

	/** Timer {@code llm_request_duration_seconds{provider,model,operation}}. */
	public static final String REQUEST_DURATION = "llm.request.duration";

	/** Counter {@code llm_tokens_total{provider,model,type}}. */
	public static final String TOKENS = "llm.tokens";

	/** Counter {@code llm_cost_usd_total{provider,model}}. */
	public static final String COST = "llm.cost.usd";

	/** Gauge {@code llm_active_sessions}. */
	public static final String ACTIVE_SESSIONS = "llm.active.sessions";

	/** Tag: the provider, such as {@code gemini} or {@code openai}. */
	public static final String PROVIDER_TAG = "provider";

	/** Tag: the model, such as {@code gemini-2.5-flash}. */
	public static final String MODEL_TAG = "model";

	/** Tag: the operation, such as {@code chat} or {@code embedding}. */
	public static final String OPERATION_TAG = "operation";

	/** Tag: the outcome, such as {@code success} or {@code error}. */
	public static final String STATUS_TAG = "status";

	/** Tag: {@code input} or {@code output}. */
	public static final String TYPE_TAG = "type";

	/** Token type of prompt tokens. */
	public static final String INPUT = "input";

	/** Token type of completion tokens. */
	public static final String OUTPUT = "output";

	/** Status of a successful call. */
	public static final String SUCCESS = "success";

	/** Status of a failed call. */
	public static final String ERROR = "error";

	private LlmMetricNames() {
	}

}
