package com.pyairtable.observability.resilience;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.pyairtable.observability.cardinality.BoundedTag;
import com.pyairtable.observability.cardinality.CardinalityGuard;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.circuitbreaker.event.CircuitBreakerOnStateTransitionEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * {@code circuit_breaker_state{name}} and
 * {@code circuit_breaker_transitions_total{name,from,to}} for every circuit breaker of
 * the given registries, including those created later (followed through the registries'
 * events).
 */
public class CircuitBreakerStateMetrics implements MeterBinder {

	private static final Log logger = LogFactory.getLog(CircuitBreakerStateMetrics.class);

	private final List<CircuitBreakerRegistry> breakerRegistries;

	private final BoundedTag stateName;

	private final BoundedTag transitionName;

	private final List<MeterRegistry> meterRegistries = new CopyOnWriteArrayList<>();

	private final Map<CircuitBreaker, Boolean> followed = new ConcurrentHashMap<>();

	/**
	 * Creates the metrics.
	 * @param breakerRegistries the circuit breaker registries to follow
	 * @param guard the cardinality guard
	 */
	public CircuitBreakerStateMetrics(List<CircuitBreakerRegistry> breakerRegistries, CardinalityGuard guard) {
		this.breakerRegistries = List.copyOf(breakerRegistries);
		this.stateName = guard.tag(CircuitBreakerMetricNames.STATE, CircuitBreakerMetricNames.NAME_TAG);
		this.transitionName = guard.tag(CircuitBreakerMetricNames.TRANSITIONS, CircuitBreakerMetricNames.NAME_TAG);
		for (CircuitBreakerRegistry registry : this.breakerRegistries) {
			registry.getEventPublisher().onEntryAdded((event) -> follow(event.getAddedEntry()));
			registry.getEventPublisher().onEntryReplaced((event) -> follow(event.getNewEntry()));
		}
	}

	/**
	 * The gauge value of a state: 0 closed, 1 open, 2 half-open, 3 disabled, 4 forced
	 * open, 5 metrics only.
	 * @param state the state
	 * @return the value
	 */
	public static int stateValue(CircuitBreaker.State state) {
		return switch (state) {
			case CLOSED -> 0;
			case OPEN -> 1;
			case HALF_OPEN -> 2;
			case DISABLED -> 3;
			case FORCED_OPEN -> 4;
			case METRICS_ONLY -> 5;
		};
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		this.meterRegistries.add(registry);
		for (CircuitBreakerRegistry breakers : this.breakerRegistries) {
			for (CircuitBreaker breaker : breakers.getAllCircuitBreakers()) {
				if (this.followed.containsKey(breaker)) {
					registerState(breaker, registry);
				}
				else {
					follow(breaker);
				}
			}
		}
	}

	private void follow(CircuitBreaker breaker) {
		try {
			if (this.followed.putIfAbsent(breaker, Boolean.TRUE) != null) {
				return;
			}
			breaker.getEventPublisher().onStateTransition(this::onTransition);
			this.meterRegistries.forEach((registry) -> registerState(breaker, registry));
		}
		catch (RuntimeException ex) {
			logger.debug("Could not follow circuit breaker '" + breaker.getName() + "'", ex);
		}
	}

	private void registerState(CircuitBreaker breaker, MeterRegistry registry) {
		Gauge.builder(CircuitBreakerMetricNames.STATE, breaker, (cb) -> stateValue(cb.getState()))
			.description(
					"Circuit breaker state: 0 closed, 1 open, 2 half-open, 3 disabled, 4 forced open, 5 metrics only")
			.tag(CircuitBreakerMetricNames.NAME_TAG, this.stateName.value(breaker.getName()))
			.register(registry);
	}

	private void onTransition(CircuitBreakerOnStateTransitionEvent event) {
		try {
			String name = this.transitionName.value(event.getCircuitBreakerName());
			String from = tagValue(event.getStateTransition().getFromState());
			String to = tagValue(event.getStateTransition().getToState());
			for (MeterRegistry registry : this.meterRegistries) {
				Counter.builder(CircuitBreakerMetricNames.TRANSITIONS)
					.description("Circuit breaker state transitions")
					.tags(CircuitBreakerMetricNames.NAME_TAG, name, CircuitBreakerMetricNames.FROM_TAG, from,
							CircuitBreakerMetricNames.TO_TAG, to)
					.register(registry)
					.increment();
			}
		}
		catch (RuntimeException ex) {
			logger.debug("Could not record a circuit breaker transition", ex);
		}
	}

	private static String tagValue(CircuitBreaker.State state) {
		return state.name().toLowerCase(Locale.ROOT);
	}

}
