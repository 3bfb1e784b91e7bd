package com.pyairtable.observability.cardinality;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class CardinalityGuardTests {

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final CardinalityGuard guard = new CardinalityGuard(3, 8);

	CardinalityGuardTests() {
		this.guard.bindTo(this.registry);
	}

	@Test
	void foldsValuesBeyondTheCapIntoOtherAndCountsThem(CapturedOutput output) {
		BoundedTag tag = this.guard.tag("m", "t");
		assertThat(tag.value("a")).isEqualTo("a");
		assertThat(tag.value("b")).isEqualTo("b");
		assertThat(tag.value("c")).isEqualTo("c");
		assertThat(tag.value("d")).isEqualTo("other");
		assertThat(tag.value("e")).isEqualTo("other");
		assertThat(tag.value("a")).isEqualTo("a");
		assertThat(tag.size()).isEqualTo(3);
		assertThat(this.registry.get("observability.tag.overflow").tags("metric", "m", "tag", "t").counter().count())
			.isEqualTo(2);
		assertThat(output.getAll().split("Metric 'm' reached", -1)).hasSize(2);
	}

	@Test
	void countsEveryFoldOfARepeatedValueButNotARealOther() {
		BoundedTag tag = this.guard.tag("m5", "t");
		tag.value("a");
		tag.value("b");
		tag.value("c");
		for (int i = 0; i < 5; i++) {
			assertThat(tag.value("d")).isEqualTo("other");
		}
		assertThat(tag.value("other")).isEqualTo("other");
		assertThat(this.registry.get("observability.tag.overflow").tags("metric", "m5", "tag", "t").counter().count())
			.isEqualTo(5);
	}

	@Test
	void registersEveryOverflowCounterAtZero() {
		CardinalityGuard guard = new CardinalityGuard(3, 8);
		guard.tag("before", "t");
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		guard.bindTo(registry);
		guard.tag("after", "t");
		assertThat(registry.get("observability.tag.overflow").tags("metric", "before", "tag", "t").counter().count())
			.isZero();
		assertThat(registry.get("observability.tag.overflow").tags("metric", "after", "tag", "t").counter().count())
			.isZero();
	}

	@Test
	void warnsOncePerMetric(CapturedOutput output) {
		BoundedTag first = this.guard.tag("metric.one", "x");
		BoundedTag second = this.guard.tag("metric.one", "y");
		for (int i = 0; i < 20; i++) {
			first.value("v" + i);
			second.value("v" + i);
		}
		assertThat(output.getAll().split("Metric 'metric.one' reached", -1)).hasSize(2);
	}

	@Test
	void trimsAndSanitisesValues() {
		BoundedTag tag = this.guard.tag("m2", "t");
		assertThat(tag.value("  abcdefghijkl ")).isEqualTo("abcdefgh");
		assertThat(tag.value("a\nb\tc")).isEqualTo("a_b_c");
		assertThat(tag.value("   ")).isEqualTo("unknown");
		assertThat(tag.value(null)).isEqualTo("unknown");
	}

	@Test
	void returnsTheSameTagForTheSameNames() {
		assertThat(this.guard.tag("m3", "t")).isSameAs(this.guard.tag("m3", "t"));
		assertThat(this.guard.tag("m3", "t")).isNotSameAs(this.guard.tag("m3", "u"));
	}

	@Test
	void allocatesNothingForAWarmValue() {
		BoundedTag tag = this.guard.tag("m6", "t");
		String raw = "warm";
		tag.value(raw);
		com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory
			.getThreadMXBean();
		long thread = Thread.currentThread().getId();
		long before = threads.getThreadAllocatedBytes(thread);
		int length = 0;
		for (int i = 0; i < 100_000; i++) {
			length += tag.value(raw).length();
		}
		long allocated = threads.getThreadAllocatedBytes(thread) - before;
		assertThat(length).isEqualTo(400_000);
		// A few hundred bytes at most come from the measurement itself.
		assertThat(allocated).isLessThan(4_096);
	}

	@Test
	void returnsTheSameInstanceForAWarmValue() {
		BoundedTag tag = this.guard.tag("m4", "t");
		String first = tag.value("warm");
		assertThat(tag.value("warm")).isSameAs(first);
	}

}
