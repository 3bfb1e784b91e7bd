package com.pyairtable.observability.cardinality;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Label values that look like a secret are recorded as {@code redacted}, checked on the
 * whole value before it is cut, and counted.
 */
class CardinalityGuardRedactionTests {

	static final String OPENAI_KEY = "sk-proj-A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8S9t0";

	static final String JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U";

	static final String AIRTABLE_PAT = "patAbCdEfGhIjKlMn."
			+ "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

	static final List<String> SECRETS = List.of(OPENAI_KEY, JWT, AIRTABLE_PAT);

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	@Test
	void recordsSecretsAsRedactedAndCountsEachRecording() {
		CardinalityGuard guard = new CardinalityGuard(100, 64);
		guard.bindTo(this.registry);
		BoundedTag model = guard.tag("llm.requests", "model");
		for (String secret : SECRETS) {
			for (int i = 0; i < 2; i++) {
				String value = model.value(secret);
				assertThat(value).isEqualTo("redacted");
				Counter.builder("llm.requests").tag("model", value).register(this.registry).increment();
			}
		}
		assertThat(model.value("gemini-2.5-flash")).isEqualTo("gemini-2.5-flash");
		assertThat(this.registry.get("observability.tag.redacted")
			.tags("metric", "llm.requests", "tag", "model")
			.counter()
			.count()).isEqualTo(6);
		assertThat(this.registry.get("llm.requests").tag("model", "redacted").counter().count()).isEqualTo(6);
		assertThat(tagValues()).noneMatch((value) -> SECRETS.stream()
			.anyMatch((secret) -> secret.startsWith(value) || value.contains(secret.substring(0, 12))));
	}

	@Test
	void checksTheWholeValueBeforeCuttingIt() {
		// Cut at 64 characters, the token no longer matches its pattern: the check comes
		// first.
		CardinalityGuard guard = new CardinalityGuard(100, 64);
		assertThat(AIRTABLE_PAT).hasSizeGreaterThan(64);
		assertThat(guard.tag("m", "t").value(AIRTABLE_PAT)).isEqualTo("redacted");
		assertThat(guard.tag("m", "t").value("  model " + OPENAI_KEY + " trailing text beyond the cut  "))
			.isEqualTo("redacted");
	}

	@Test
	void registersTheRedactionCounterAtZero() {
		CardinalityGuard guard = new CardinalityGuard(100, 64);
		guard.tag("mcp.tool.duration", "tool");
		guard.bindTo(this.registry);
		assertThat(this.registry.get("observability.tag.redacted")
			.tags("metric", "mcp.tool.duration", "tag", "tool")
			.counter()
			.count()).isZero();
	}

	@Test
	void recordsAValueAsRedactedWhenTheRedactorFails() {
		CardinalityGuard guard = CardinalityGuard.builder().redaction((text) -> {
			throw new IllegalStateException("broken pattern");
		}).build();
		guard.bindTo(this.registry);
		assertThat(guard.tag("m", "t").value("list_records")).isEqualTo("redacted");
		assertThat(this.registry.get("observability.tag.redacted").tags("metric", "m", "tag", "t").counter().count())
			.isEqualTo(1);
	}

	@Test
	void checksOnlyNewValues() {
		AtomicInteger checks = new AtomicInteger();
		CardinalityGuard guard = CardinalityGuard.builder().redaction((text) -> {
			checks.incrementAndGet();
			return text;
		}).build();
		BoundedTag tag = guard.tag("m", "t");
		for (int i = 0; i < 1_000; i++) {
			tag.value("list_records");
			tag.value("create_record");
		}
		assertThat(checks).hasValue(2);
	}

	@Test
	void doesNotLetASecretTakeOneOfTheCappedValues() {
		CardinalityGuard guard = new CardinalityGuard(2, 64);
		BoundedTag tag = guard.tag("m", "t");
		assertThat(tag.value(OPENAI_KEY)).isEqualTo("redacted");
		assertThat(tag.value(JWT)).isEqualTo("redacted");
		assertThat(tag.value("a")).isEqualTo("a");
		assertThat(tag.value("b")).isEqualTo("b");
		assertThat(tag.value("c")).isEqualTo("other");
		assertThat(tag.size()).isEqualTo(2);
	}

	private List<String> tagValues() {
		return this.registry.getMeters()
			.stream()
			.map(Meter::getId)
			.flatMap((id) -> id.getTags().stream())
			.map(Tag::getValue)
			.toList();
	}

}
