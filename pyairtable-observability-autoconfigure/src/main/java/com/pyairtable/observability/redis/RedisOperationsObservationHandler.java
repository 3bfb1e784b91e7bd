package com.pyairtable.observability.redis;

import com.pyairtable.observability.cardinality.BoundedTag;
import com.pyairtable.observability.cardinality.CardinalityGuard;
import io.lettuce.core.tracing.LettuceObservationContext;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter.MeterProvider;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Counts {@code redis_operations_total{command,status}} as Lettuce's command observations
 * stop: the status is {@code error} when Lettuce reported an error reply or the command
 * failed (a timeout, a lost connection). The command is bounded by the cardinality guard.
 * Never throws.
 */
public class RedisOperationsObservationHandler implements ObservationHandler<LettuceObservationContext> {

	private static final Log logger = LogFactory.getLog(RedisOperationsObservationHandler.class);

	/**
	 * Where Lettuce puts an error reply: an attribute of the span, not an observation
	 * error.
	 */
	private static final String ERROR_REPLY_KEY = "lettuce.command.error";

	private final MeterProvider<Counter> operations;

	private final BoundedTag command;

	/**
	 * Creates the handler.
	 * @param registry where to count
	 * @param guard the cardinality guard
	 */
	public RedisOperationsObservationHandler(MeterRegistry registry, CardinalityGuard guard) {
		this.operations = Counter.builder(RedisMetricNames.OPERATIONS)
			.description("Redis commands sent through Lettuce")
			.withRegistry(registry);
		this.command = guard.tag(RedisMetricNames.OPERATIONS, RedisMetricNames.COMMAND_TAG);
	}

	@Override
	public boolean supportsContext(Observation.Context context) {
		return context instanceof LettuceObservationContext;
	}

	@Override
	public void onStop(LettuceObservationContext context) {
		try {
			if (!context.hasCommand()) {
				return;
			}
			String command = context.getRequiredCommand().getType().toString();
			this.operations
				.withTags(RedisMetricNames.COMMAND_TAG, this.command.value(command), RedisMetricNames.STATUS_TAG,
						failed(context) ? RedisMetricNames.ERROR : RedisMetricNames.SUCCESS)
				.increment();
		}
		catch (RuntimeException ex) {
			logger.debug("Could not count a Redis command", ex);
		}
	}

	private static boolean failed(LettuceObservationContext context) {
		return context.getError() != null || context.getHighCardinalityKeyValue(ERROR_REPLY_KEY) != null;
	}

}
