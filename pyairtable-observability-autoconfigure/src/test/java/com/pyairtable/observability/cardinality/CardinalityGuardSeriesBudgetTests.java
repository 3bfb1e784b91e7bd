package com.pyairtable.observability.cardinality;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The series budget per metric name, the release of idle values and allowed values, on a
 * {@link SimpleMeterRegistry} driven by a {@link MockClock}.
 */
@ExtendWith(OutputCaptureExtension.class)
class CardinalityGuardSeriesBudgetTests {

	/**
	 * Nine objectives: ten buckets with {@code +Inf}, plus count, sum and max, 13 series
	 * a value.
	 */
	private static final Duration[] OBJECTIVES = { Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5),
			Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofMillis(50), Duration.ofMillis(100),
			Duration.ofMillis(200), Duration.ofMillis(500) };

	private final MockClock clock = new MockClock();

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry(SimpleConfig.DEFAULT, this.clock);

	@Test
	void countsEachBucketOfAHistogramAsASeries() {
		assertThat(SeriesBudget.series(timer("t", "a"))).isEqualTo(13);
		assertThat(SeriesBudget.series(Counter.builder("c").register(this.registry))).isEqualTo(1);
	}

	@Test
	void foldsNewValuesIntoOtherOnceTheMetricsSeriesWouldExceedTheBudget(CapturedOutput output) {
		CardinalityGuard guard = guard(50, Duration.ofMinutes(10));
		BoundedTag tool = guard.tag("t", "tool");
		for (int i = 0; i < 120; i++) {
			timer("t", tool.value("tool-" + i)).record(Duration.ofMillis(3));
		}
		// Two values (26 series) and the room kept for 'other' (13): a third would make
		// 52.
		assertThat(this.registry.find("t").timers()).hasSize(3);
		assertThat(this.registry.get("t").tag("tool", "other").timer().count()).isEqualTo(118);
		assertThat(seriesOf("t")).isLessThanOrEqualTo(50);
		assertThat(this.registry.get("observability.tag.overflow").tags("metric", "t", "tag", "tool").counter().count())
			.isEqualTo(118);
		assertThat(output.getAll().split("Metric 't' reached its budget of 50 series", -1)).hasSize(2);
		assertThat(output).contains("pyairtable.observability.metrics.max-series-per-metric");
	}

	@Test
	void sharesTheBudgetBetweenTheTagsOfAMetric() {
		CardinalityGuard guard = guard(20, Duration.ofMinutes(10));
		BoundedTag provider = guard.tag("llm.requests", "provider");
		BoundedTag model = guard.tag("llm.requests", "model");
		for (int i = 0; i < 100; i++) {
			Counter.builder("llm.requests")
				.tags("provider", provider.value("p" + (i % 3)), "model", model.value("m" + i))
				.register(this.registry)
				.increment();
		}
		assertThat(seriesOf("llm.requests")).isLessThanOrEqualTo(20);
		assertThat(this.registry.get("llm.requests").tag("model", "other").counters()).isNotEmpty();
	}

	@Test
	void keepsTheCapPerTagWithinTheBudget() {
		CardinalityGuard guard = CardinalityGuard.builder().maxTagValues(3).clock(this.clock).build();
		guard.bindTo(this.registry);
		BoundedTag tag = guard.tag("c", "k");
		for (int i = 0; i < 10; i++) {
			Counter.builder("c").tag("k", tag.value("v" + i)).register(this.registry).increment();
		}
		assertThat(this.registry.find("c").counters()).hasSize(4);
	}

	@Test
	void releasesIdleValuesAndTheirMetersSoThatALegitimateValueIsRecordedAgain() {
		CardinalityGuard guard = guard(50, Duration.ofMinutes(10));
		BoundedTag tool = guard.tag("t", "tool");
		timer("t", tool.value("list_records")).record(Duration.ofMillis(3));
		for (int i = 0; i < 120; i++) {
			timer("t", tool.value("attacker-" + i)).record(Duration.ofMillis(3));
		}
		assertThat(tool.value("create_record")).isEqualTo("other");
		this.clock.add(Duration.ofMinutes(11));
		assertThat(tool.value("create_record")).isEqualTo("create_record");
		timer("t", "create_record").record(Duration.ofMillis(3));
		assertThat(this.registry.find("t").tag("tool", "attacker-0").timer()).isNull();
		assertThat(this.registry.find("t").tag("tool", "list_records").timer()).isNull();
		assertThat(this.registry.get("t").tag("tool", "create_record").timer().count()).isEqualTo(1);
		timer("t", tool.value("list_records")).record(Duration.ofMillis(3));
		assertThat(this.registry.get("t").tag("tool", "list_records").timer().count()).isEqualTo(1);
		assertThat(seriesOf("t")).isLessThanOrEqualTo(50);
	}

	@Test
	void keepsValuesInUse() {
		CardinalityGuard guard = guard(2_000, Duration.ofMinutes(10));
		BoundedTag tool = guard.tag("t", "tool");
		for (int minute = 0; minute < 30; minute++) {
			timer("t", tool.value("list_records")).record(Duration.ofMillis(3));
			this.clock.add(Duration.ofMinutes(1));
		}
		assertThat(tool.value("list_records")).isEqualTo("list_records");
		assertThat(this.registry.get("t").tag("tool", "list_records").timer().count()).isEqualTo(30);
	}

	@Test
	void keepsIdleValuesWhileTheTagIsWithinItsLimits() {
		CardinalityGuard guard = guard(2_000, Duration.ofMinutes(10));
		BoundedTag tool = guard.tag("t", "tool");
		timer("t", tool.value("rarely_used")).record(Duration.ofMillis(3));
		this.clock.add(Duration.ofHours(2));
		timer("t", tool.value("list_records")).record(Duration.ofMillis(3));
		this.clock.add(Duration.ofMinutes(2));
		tool.value("list_records");
		assertThat(this.registry.get("t").tag("tool", "rarely_used").timer().count()).isEqualTo(1);
	}

	@Test
	void looksForIdleValuesAtMostOncePerTenthOfTheTimeToLive() {
		CardinalityGuard guard = CardinalityGuard.builder().maxTagValues(2).clock(this.clock).build();
		guard.bindTo(this.registry);
		BoundedTag tool = guard.tag("t", "tool");
		timer("t", tool.value("idle")).record(Duration.ofMillis(3));
		this.clock.add(Duration.ofSeconds(590));
		// The tag is at its cap: its idle values are released once the time to live has
		// passed.
		tool.value("busy");
		this.clock.add(Duration.ofSeconds(20));
		// Ten minutes and ten seconds idle, but the last sweep ran 20 seconds ago.
		tool.value("busy");
		assertThat(this.registry.find("t").tag("tool", "idle").timer()).isNotNull();
		this.clock.add(Duration.ofSeconds(40));
		tool.value("busy");
		assertThat(this.registry.find("t").tag("tool", "idle").timer()).isNull();
	}

	@Test
	void keepsValuesWhoseMetersWouldNotComeBack() {
		CardinalityGuard guard = CardinalityGuard.builder().maxTagValues(1).clock(this.clock).build();
		guard.bindTo(this.registry);
		BoundedTag queue = guard.tag("queue.depth", "queue");
		AtomicInteger depth = new AtomicInteger(4);
		Gauge.builder("queue.depth", depth, AtomicInteger::get)
			.tag("queue", queue.value("orders"))
			.register(this.registry);
		this.clock.add(Duration.ofMinutes(30));
		assertThat(queue.value("other-queue")).isEqualTo("other");
		this.clock.add(Duration.ofMinutes(2));
		assertThat(queue.value("other-queue")).isEqualTo("other");
		assertThat(this.registry.get("queue.depth").tag("queue", "orders").gauge().value()).isEqualTo(4);
	}

	@Test
	void pinsATagToItsAllowedValuesWithoutUsingTheBudget() {
		CardinalityGuard guard = CardinalityGuard.builder()
			.maxTagValues(2)
			.clock(this.clock)
			.allowedValues("provider", Set.of("openai", "gemini", "anthropic"))
			.build();
		guard.bindTo(this.registry);
		BoundedTag provider = guard.tag("llm.requests", "provider");
		assertThat(provider.value("openai")).isEqualTo("openai");
		assertThat(provider.value("gemini")).isEqualTo("gemini");
		assertThat(provider.value("anthropic")).isEqualTo("anthropic");
		assertThat(provider.value("evil-" + 1)).isEqualTo("other");
		assertThat(provider.value("OpenAI")).isEqualTo("other");
		assertThat(guard.tag("llm.requests", "model").value("gpt-4o")).isEqualTo("gpt-4o");
		assertThat(this.registry.get("observability.tag.overflow")
			.tags("metric", "llm.requests", "tag", "provider")
			.counter()
			.count()).isZero();
	}

	private CardinalityGuard guard(int budget, Duration ttl) {
		CardinalityGuard guard = CardinalityGuard.builder()
			.maxSeriesPerMetric(budget)
			.tagValueTtl(ttl)
			.clock(this.clock)
			.build();
		guard.bindTo(this.registry);
		return guard;
	}

	private Timer timer(String name, String tool) {
		return Timer.builder(name).serviceLevelObjectives(OBJECTIVES).tag("tool", tool).register(this.registry);
	}

	private int seriesOf(String name) {
		int series = 0;
		for (Meter meter : this.registry.find(name).meters()) {
			series += SeriesBudget.series(meter);
		}
		return series;
	}

}
