package com.pyairtable.observability.saga;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.pyairtable.observability.cardinality.CardinalityGuard;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SagaRunnerTests {

	private final SimpleMeterRegistry meterRegistry = new SimpleMeterRegistry();

	private final List<Observation.Context> stopped = new CopyOnWriteArrayList<>();

	private final MutableClock clock = new MutableClock();

	private final SagaRegistry sagaRegistry = new SagaRegistry(this.clock);

	private final SagaRunner runner;

	SagaRunnerTests() {
		ObservationRegistry observationRegistry = ObservationRegistry.create();
		observationRegistry.observationConfig()
			.observationHandler(new DefaultMeterObservationHandler(this.meterRegistry));
		observationRegistry.observationConfig().observationHandler(new ObservationHandler<>() {
			@Override
			public void onStop(Observation.Context context) {
				SagaRunnerTests.this.stopped.add(context);
			}

			@Override
			public boolean supportsContext(Observation.Context context) {
				return true;
			}
		});
		CardinalityGuard guard = new CardinalityGuard(100, 64);
		SagaMetrics metrics = new SagaMetrics(guard);
		metrics.bindTo(this.meterRegistry);
		this.runner = new SagaRunner(observationRegistry, metrics, this.sagaRegistry, guard);
	}

	@Test
	void completesASagaAndRecordsEveryStep() {
		SagaResult result = this.runner.saga("checkout").step("reserve", () -> {
		}, () -> {
		}).step("charge", () -> {
		}).run();
		assertThat(result.outcome()).isEqualTo(SagaOutcome.COMPLETED);
		assertThat(this.meterRegistry.get("saga.executions")
			.tags("saga", "checkout", "outcome", "completed")
			.counter()
			.count()).isEqualTo(1);
		assertThat(this.meterRegistry.get("saga.operations")
			.tags("saga", "checkout", "step", "reserve", "outcome", "success")
			.counter()
			.count()).isEqualTo(1);
		assertThat(this.meterRegistry.get("saga.duration")
			.tags("saga", "checkout", "outcome", "completed", "error", "none")
			.timer()
			.count()).isEqualTo(1);
		assertThat(
				this.meterRegistry.get("saga.step.duration").tags("saga", "checkout", "step", "charge").timer().count())
			.isEqualTo(1);
		assertThat(this.meterRegistry.get("saga.active").tag("saga", "checkout").gauge().value()).isZero();
	}

	@Test
	void compensatesTheDoneStepsNewestFirstWhenAStepFailsMidway() {
		List<String> undone = new ArrayList<>();
		IllegalStateException declined = new IllegalStateException("card declined");
		SagaResult result = this.runner.saga("order").step("reserve", () -> {
		}, () -> undone.add("reserve")).step("ship", () -> {
		}, () -> undone.add("ship")).step("charge", () -> {
			throw declined;
		}, () -> undone.add("charge")).step("notify", () -> undone.add("never")).run();
		assertThat(result.outcome()).isEqualTo(SagaOutcome.COMPENSATED);
		assertThat(result.failedStep()).isEqualTo("charge");
		assertThat(result.failure()).isSameAs(declined);
		assertThat(undone).containsExactly("ship", "reserve");
		assertThat(this.meterRegistry.get("saga.executions")
			.tags("saga", "order", "outcome", "compensated")
			.counter()
			.count()).isEqualTo(1);
		assertThat(this.meterRegistry.get("saga.operations")
			.tags("saga", "order", "step", "charge", "outcome", "failure")
			.counter()
			.count()).isEqualTo(1);
		assertThat(this.meterRegistry.get("saga.operations")
			.tags("saga", "order", "step", "ship", "outcome", "compensated")
			.counter()
			.count()).isEqualTo(1);
		assertThat(this.meterRegistry.get("saga.duration")
			.tags("saga", "order", "outcome", "compensated", "error", "IllegalStateException")
			.timer()
			.count()).isEqualTo(1);
		// One trace: every step and compensation is a child of the saga observation.
		Observation.Context saga = this.stopped.stream()
			.filter(SagaContext.class::isInstance)
			.findFirst()
			.orElseThrow();
		List<Observation.Context> children = this.stopped.stream().filter(SagaStepContext.class::isInstance).toList();
		assertThat(children).hasSize(5);
		assertThat(children)
			.allSatisfy((child) -> assertThat(child.getParentObservation().getContextView()).isSameAs(saga));
		assertThat(children.stream().map(Observation.Context::getContextualName)).contains("saga order compensate ship",
				"saga order step charge");
	}

	@Test
	void failsWhenACompensationFails() {
		SagaResult result = this.runner.saga("refund").step("a", () -> {
		}, () -> {
			throw new IllegalStateException("cannot undo");
		}).step("b", () -> {
			throw new IllegalArgumentException("boom");
		}).run();
		assertThat(result.outcome()).isEqualTo(SagaOutcome.FAILED);
		assertThat(
				this.meterRegistry.get("saga.executions").tags("saga", "refund", "outcome", "failed").counter().count())
			.isEqualTo(1);
		assertThat(this.meterRegistry.get("saga.operations")
			.tags("saga", "refund", "step", "a", "outcome", "failure")
			.counter()
			.count()).isEqualTo(1);
	}

	@Test
	void listsSagasRunningLongerThanAThreshold() throws Exception {
		SagaExecution slow = this.runner.begin("import");
		slow.step("fetch", () -> {
		}, null);
		this.clock.advance(Duration.ofMinutes(10));
		SagaExecution fresh = this.runner.begin("export");
		assertThat(this.meterRegistry.get("saga.active").tag("saga", "import").gauge().value()).isEqualTo(1);
		assertThat(this.sagaRegistry.runningLongerThan(Duration.ofMinutes(5))).singleElement().satisfies((saga) -> {
			assertThat(saga.name()).isEqualTo("import");
			assertThat(saga.id()).isEqualTo(slow.id());
		});
		assertThat(this.sagaRegistry.running()).hasSize(2);
		slow.complete();
		fresh.close();
		assertThat(this.sagaRegistry.running()).isEmpty();
		assertThat(this.meterRegistry.get("saga.executions")
			.tags("saga", "export", "outcome", "compensated")
			.counter()
			.count()).isEqualTo(1);
	}

	static final class MutableClock extends Clock {

		private Instant now = Instant.parse("2026-01-01T00:00:00Z");

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
