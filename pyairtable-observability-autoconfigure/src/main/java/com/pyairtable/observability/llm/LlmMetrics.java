package com.pyairtable.observability.llm;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

import com.pyairtable.observability.cardinality.BoundedTag;
import com.pyairtable.observability.cardinality.CardinalityGuard;
import com.pyairtable.observability.logging.SecretRedactor;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter.MeterProvider;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Records calls to language models: requests, durations, tokens, cost from a price table,
 * and open sessions. Nothing here throws.
 */
public class LlmMetrics implements MeterBinder {

	private static final Log logger = LogFactory.getLog(LlmMetrics.class);

	private static final int MAX_LOGGED_LENGTH = 100;

	private static final String REDACTION_FAILED = SecretRedactor.DROPPED;

	private final Map<String, LlmModelPrice> prices;

	private final Tags tags;

	private final UnaryOperator<@Nullable String> redactor;

	private final Set<String> unpricedModels = ConcurrentHashMap.newKeySet();

	private final AtomicInteger activeSessions = new AtomicInteger();

	private volatile @Nullable Meters meters;

	/**
	 * Creates the metrics.
	 * @param guard the cardinality guard
	 * @param prices price per model name; models not listed cost 0
	 */
	public LlmMetrics(CardinalityGuard guard, Map<String, LlmModelPrice> prices) {
		this(guard, prices, SecretRedactor.withDefaults()::redact);
	}

	/**
	 * Creates the metrics.
	 * @param guard the cardinality guard
	 * @param prices price per model name; models not listed cost 0
	 * @param redactor the secret redaction of model names quoted in warnings, returning
	 * the same instance when nothing changed
	 */
	public LlmMetrics(CardinalityGuard guard, Map<String, LlmModelPrice> prices,
			UnaryOperator<@Nullable String> redactor) {
		this.prices = Map.copyOf(prices);
		this.tags = new Tags(guard);
		this.redactor = redactor;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		this.meters = new Meters(registry);
		Gauge.builder(LlmMetricNames.ACTIVE_SESSIONS, this.activeSessions, AtomicInteger::get)
			.description("LLM sessions currently open")
			.register(registry);
	}

	/**
	 * Records one call.
	 * @param call the call
	 */
	public void recordCall(LlmCall call) {
		Meters meters = this.meters;
		if (meters == null) {
			return;
		}
		try {
			String provider = this.tags.requestProvider.value(call.provider());
			String model = this.tags.requestModel.value(call.model());
			String operation = this.tags.requestOperation.value(call.operation());
			meters.requests
				.withTags(LlmMetricNames.PROVIDER_TAG, provider, LlmMetricNames.MODEL_TAG, model,
						LlmMetricNames.OPERATION_TAG, operation, LlmMetricNames.STATUS_TAG,
						this.tags.requestStatus.value(call.status()))
				.increment();
			meters.duration
				.withTags(LlmMetricNames.PROVIDER_TAG, this.tags.durationProvider.value(call.provider()),
						LlmMetricNames.MODEL_TAG, this.tags.durationModel.value(call.model()),
						LlmMetricNames.OPERATION_TAG, this.tags.durationOperation.value(call.operation()))
				.record(call.duration());
			String tokenProvider = this.tags.tokenProvider.value(call.provider());
			String tokenModel = this.tags.tokenModel.value(call.model());
			if (call.inputTokens() > 0) {
				meters.tokens
					.withTags(LlmMetricNames.PROVIDER_TAG, tokenProvider, LlmMetricNames.MODEL_TAG, tokenModel,
							LlmMetricNames.TYPE_TAG, LlmMetricNames.INPUT)
					.increment(call.inputTokens());
			}
			if (call.outputTokens() > 0) {
				meters.tokens
					.withTags(LlmMetricNames.PROVIDER_TAG, tokenProvider, LlmMetricNames.MODEL_TAG, tokenModel,
							LlmMetricNames.TYPE_TAG, LlmMetricNames.OUTPUT)
					.increment(call.outputTokens());
			}
			String costModel = this.tags.costModel.value(call.model());
			meters.cost
				.withTags(LlmMetricNames.PROVIDER_TAG, this.tags.costProvider.value(call.provider()),
						LlmMetricNames.MODEL_TAG, costModel)
				.increment(cost(call, costModel));
		}
		catch (RuntimeException ex) {
			logger.debug("Could not record an LLM call", ex);
		}
	}

	/**
	 * Records one call.
	 * @param provider the provider
	 * @param model the model
	 * @param operation the operation
	 * @param status the outcome
	 * @param inputTokens the input tokens
	 * @param outputTokens the output tokens
	 * @param duration how long the call took
	 */
	public void recordCall(String provider, String model, String operation, String status, long inputTokens,
			long outputTokens, Duration duration) {
		recordCall(new LlmCall(provider, model, operation, status, inputTokens, outputTokens, duration));
	}

	/**
	 * Opens a session, counted until the returned handle is closed.
	 * @return the session
	 */
	public LlmSession openSession() {
		this.activeSessions.incrementAndGet();
		return new LlmSession(this);
	}

	/**
	 * Counts a session opened elsewhere; pair with {@link #sessionClosed()}.
	 */
	public void sessionOpened() {
		this.activeSessions.incrementAndGet();
	}

	/**
	 * Counts a session closed; never goes below zero.
	 */
	public void sessionClosed() {
		this.activeSessions.getAndUpdate((current) -> Math.max(0, current - 1));
	}

	/**
	 * The price of a model, if the table lists it.
	 * @param model the model
	 * @return the price or {@code null}
	 */
	public @Nullable LlmModelPrice price(String model) {
		return this.prices.get(model);
	}

	private double cost(LlmCall call, String boundedModel) {
		LlmModelPrice price = this.prices.get(call.model());
		if (price == null) {
			if (this.unpricedModels.add(boundedModel)) {
				String model = forLog(call.model());
				logger.warn("No price for LLM model '" + model
						+ "': its calls are counted with cost 0 (set pyairtable.observability.metrics.llm.pricing.["
						+ model + "].input-per-million-tokens and output-per-million-tokens)");
			}
			return 0;
		}
		return price.cost(call.inputTokens(), call.outputTokens());
	}

	/**
	 * A caller's model name as a warning may quote it: redacted whole first, then cut,
	 * since a cut secret no longer matches the redactor's patterns; line breaks are
	 * replaced so that the name cannot forge a log line.
	 */
	private String forLog(String model) {
		String redacted;
		try {
			redacted = this.redactor.apply(model);
		}
		catch (RuntimeException | StackOverflowError ex) {
			return REDACTION_FAILED;
		}
		if (redacted == null) {
			return REDACTION_FAILED;
		}
		StringBuilder result = new StringBuilder(Math.min(redacted.length(), MAX_LOGGED_LENGTH) + 3);
		for (int i = 0; i < redacted.length() && i < MAX_LOGGED_LENGTH; i++) {
			char c = redacted.charAt(i);
			result.append((c < ' ' || c == 0x7f) ? '_' : c);
		}
		return (redacted.length() > MAX_LOGGED_LENGTH) ? result.append("...").toString() : result.toString();
	}

	private static final class Tags {

		private final BoundedTag requestProvider;

		private final BoundedTag requestModel;

		private final BoundedTag requestOperation;

		private final BoundedTag requestStatus;

		private final BoundedTag durationProvider;

		private final BoundedTag durationModel;

		private final BoundedTag durationOperation;

		private final BoundedTag tokenProvider;

		private final BoundedTag tokenModel;

		private final BoundedTag costProvider;

		private final BoundedTag costModel;

		Tags(CardinalityGuard guard) {
			this.requestProvider = guard.tag(LlmMetricNames.REQUESTS, LlmMetricNames.PROVIDER_TAG);
			this.requestModel = guard.tag(LlmMetricNames.REQUESTS, LlmMetricNames.MODEL_TAG);
			this.requestOperation = guard.tag(LlmMetricNames.REQUESTS, LlmMetricNames.OPERATION_TAG);
			this.requestStatus = guard.tag(LlmMetricNames.REQUESTS, LlmMetricNames.STATUS_TAG);
			this.durationProvider = guard.tag(LlmMetricNames.REQUEST_DURATION, LlmMetricNames.PROVIDER_TAG);
			this.durationModel = guard.tag(LlmMetricNames.REQUEST_DURATION, LlmMetricNames.MODEL_TAG);
			this.durationOperation = guard.tag(LlmMetricNames.REQUEST_DURATION, LlmMetricNames.OPERATION_TAG);
			this.tokenProvider = guard.tag(LlmMetricNames.TOKENS, LlmMetricNames.PROVIDER_TAG);
			this.tokenModel = guard.tag(LlmMetricNames.TOKENS, LlmMetricNames.MODEL_TAG);
			this.costProvider = guard.tag(LlmMetricNames.COST, LlmMetricNames.PROVIDER_TAG);
			this.costModel = guard.tag(LlmMetricNames.COST, LlmMetricNames.MODEL_TAG);
		}

	}

	private static final class Meters {

		private final MeterProvider<Counter> requests;

		private final MeterProvider<Timer> duration;

		private final MeterProvider<Counter> tokens;

		private final MeterProvider<Counter> cost;

		Meters(MeterRegistry registry) {
			this.requests = Counter.builder(LlmMetricNames.REQUESTS)
				.description("Calls to language models")
				.withRegistry(registry);
			this.duration = Timer.builder(LlmMetricNames.REQUEST_DURATION)
				.description("Duration of calls to language models")
				.publishPercentileHistogram()
				.minimumExpectedValue(Duration.ofMillis(10))
				.maximumExpectedValue(Duration.ofMinutes(2))
				.withRegistry(registry);
			this.tokens = Counter.builder(LlmMetricNames.TOKENS)
				.description("Tokens sent to and received from language models")
				.withRegistry(registry);
			this.cost = Counter.builder(LlmMetricNames.COST)
				.description("Cost of calls to language models in US dollars, from the configured price table")
				.withRegistry(registry);
		}

	}

}
