package com.pyairtable.observability.autoconfigure.redis;

import com.pyairtable.observability.autoconfigure.cardinality.CardinalityObservabilityAutoConfiguration;
import com.pyairtable.observability.autoconfigure.core.ConditionalOnObservabilityEnabled;
import com.pyairtable.observability.cardinality.CardinalityGuard;
import com.pyairtable.observability.redis.RedisOperationsObservationHandler;
import com.pyairtable.observability.tracing.OrphanSpanSuppressor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.metrics.MicrometerCommandLatencyRecorder;
import io.lettuce.core.metrics.MicrometerOptions;
import io.lettuce.core.tracing.LettuceObservationContext;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.handler.TracingObservationHandler;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.redis.autoconfigure.ClientResourcesBuilderCustomizer;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * Switches on Lettuce's own Micrometer command latency recorder
 * ({@code lettuce_command_completion_seconds} and
 * {@code lettuce_command_firstresponse_seconds} by command), which Spring Boot 4 no
 * longer configures, and counts {@code redis_operations_total{command,status}} from the
 * command observations that Spring Boot's {@code LettuceObservationAutoConfiguration}
 * switches on (they are also the spans).
 */
@AutoConfiguration(before = DataRedisAutoConfiguration.class,
		after = { CardinalityObservabilityAutoConfiguration.class, MicrometerTracingAutoConfiguration.class })
@ConditionalOnClass({ RedisClient.class, MicrometerCommandLatencyRecorder.class, LettuceObservationContext.class,
		ClientResourcesBuilderCustomizer.class, MeterRegistry.class })
@ConditionalOnObservabilityEnabled("redis")
@EnableConfigurationProperties(RedisObservabilityProperties.class)
public final class RedisObservabilityAutoConfiguration {

	RedisObservabilityAutoConfiguration() {
	}

	@Bean
	ClientResourcesBuilderCustomizer lettuceCommandLatencyMetrics(ObjectProvider<MeterRegistry> registry,
			RedisObservabilityProperties properties) {
		MicrometerOptions options = MicrometerOptions.builder().histogram(properties.isLatencyHistogram()).build();
		return (builder) -> registry.ifAvailable(
				(meters) -> builder.commandLatencyRecorder(new MicrometerCommandLatencyRecorder(meters, options)));
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(CardinalityGuard.class)
	RedisOperationsObservationHandler redisOperationsObservationHandler(MeterRegistry registry,
			CardinalityGuard guard) {
		return new RedisOperationsObservationHandler(registry, guard);
	}

	/**
	 * Commands outside any traced work (the health probe's {@code PING}) are counted but
	 * start no trace, unless asked for.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ TracingObservationHandler.class, MicrometerTracingAutoConfiguration.class })
	@ConditionalOnBean(Tracer.class)
	@ConditionalOnBooleanProperty(name = RedisObservabilityProperties.PREFIX + ".root-spans", havingValue = false,
			matchIfMissing = true)
	static class OrphanSpansConfiguration {

		@Bean
		// Before Spring Boot's propagating handlers, which would otherwise claim it
		// first.
		@Order(MicrometerTracingAutoConfiguration.RECEIVER_TRACING_OBSERVATION_HANDLER_ORDER - 100)
		@ConditionalOnMissingBean(name = "redisOrphanSpanSuppressor")
		OrphanSpanSuppressor redisOrphanSpanSuppressor(Tracer tracer) {
			return new OrphanSpanSuppressor(tracer, LettuceObservationContext.class::isInstance);
		}

	}

}
