package com.pyairtable.observability.autoconfigure.cardinality;

import java.time.Duration;

import com.pyairtable.observability.autoconfigure.logging.LoggingObservabilityAutoConfiguration;
import com.pyairtable.observability.cardinality.BoundedTag;
import com.pyairtable.observability.cardinality.CardinalityGuard;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class CardinalityObservabilityAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CardinalityObservabilityAutoConfiguration.class));

	@Test
	void providesAGuardWithTheDefaultCap() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(CardinalityGuard.class);
			assertThat(context.getBean(CardinalityGuard.class).getMaxTagValues()).isEqualTo(100);
			assertThat(context.getBean(CardinalityGuard.class).getMaxValueLength()).isEqualTo(64);
		});
	}

	@Test
	void appliesTheConfiguredCap() {
		this.runner
			.withPropertyValues("pyairtable.observability.metrics.max-tag-values=7",
					"pyairtable.observability.metrics.max-tag-value-length=20")
			.run((context) -> {
				assertThat(context.getBean(CardinalityGuard.class).getMaxTagValues()).isEqualTo(7);
				assertThat(context.getBean(CardinalityGuard.class).getMaxValueLength()).isEqualTo(20);
			});
	}

	@Test
	void providesAGuardWithTheDefaultSeriesBudgetAndTimeToLive() {
		this.runner.run((context) -> {
			CardinalityGuard guard = context.getBean(CardinalityGuard.class);
			assertThat(guard.getMaxSeriesPerMetric()).isEqualTo(2_000);
			assertThat(guard.getTagValueTtl()).isEqualTo(Duration.ofMinutes(10));
			assertThat(guard.tag("llm.requests", "model").value("gpt-4o")).isEqualTo("gpt-4o");
		});
	}

	@Test
	void appliesTheConfiguredSeriesBudgetAndTimeToLive() {
		this.runner
			.withPropertyValues("pyairtable.observability.metrics.max-series-per-metric=500",
					"pyairtable.observability.metrics.tag-value-ttl=30m")
			.run((context) -> {
				assertThat(context.getBean(CardinalityGuard.class).getMaxSeriesPerMetric()).isEqualTo(500);
				assertThat(context.getBean(CardinalityGuard.class).getTagValueTtl()).isEqualTo(Duration.ofMinutes(30));
			});
	}

	@Test
	void pinsATagToItsAllowedValues() {
		this.runner
			.withPropertyValues("pyairtable.observability.metrics.tags.provider.allowed-values=openai,gemini",
					"pyairtable.observability.metrics.tags[client.name].allowed-values[0]=airtable")
			.run((context) -> {
				CardinalityGuard guard = context.getBean(CardinalityGuard.class);
				BoundedTag provider = guard.tag("llm.requests", "provider");
				assertThat(provider.value("gemini")).isEqualTo("gemini");
				assertThat(provider.value("made-up")).isEqualTo("other");
				BoundedTag client = guard.tag("http.client.requests", "client.name");
				assertThat(client.value("airtable")).isEqualTo("airtable");
				assertThat(client.value("api.example.com")).isEqualTo("other");
				assertThat(guard.tag("llm.requests", "model").value("made-up")).isEqualTo("made-up");
			});
	}

	@Test
	void redactsLabelValuesWithTheApplicationsRedactor() {
		this.runner.withConfiguration(AutoConfigurations.of(LoggingObservabilityAutoConfiguration.class))
			.withPropertyValues("pyairtable.observability.logging.redaction.patterns=internal-[0-9]{6}")
			.run((context) -> {
				BoundedTag tool = context.getBean(CardinalityGuard.class).tag("mcp.tool.duration", "tool");
				assertThat(tool.value("internal-123456")).isEqualTo("redacted");
				assertThat(tool.value("sk-proj-A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8S9t0")).isEqualTo("redacted");
				assertThat(tool.value("list_records")).isEqualTo("list_records");
			});
	}

	@Test
	void redactsLabelValuesWhenLogRedactionIsOff() {
		this.runner.withConfiguration(AutoConfigurations.of(LoggingObservabilityAutoConfiguration.class))
			.withPropertyValues("pyairtable.observability.logging.redaction.enabled=false")
			.run((context) -> assertThat(context.getBean(CardinalityGuard.class)
				.tag("llm.requests", "model")
				.value("sk-proj-A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8S9t0")).isEqualTo("redacted"));
	}

	@Test
	void failsWhenTheSeriesBudgetIsBelowOne() {
		this.runner.withPropertyValues("pyairtable.observability.metrics.max-series-per-metric=0")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("pyairtable.observability.metrics.max-series-per-metric")
				.hasMessageContaining("was 0"));
	}

	@Test
	void failsWhenTheTimeToLiveIsNotPositive() {
		this.runner.withPropertyValues("pyairtable.observability.metrics.tag-value-ttl=0s")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("pyairtable.observability.metrics.tag-value-ttl")
				.hasMessageContaining("positive"));
	}

	@Test
	void backsOffWhenUserDefinesAGuard() {
		this.runner.withBean("myGuard", CardinalityGuard.class, () -> new CardinalityGuard(3, 3))
			.run((context) -> assertThat(context).getBean(CardinalityGuard.class).isSameAs(context.getBean("myGuard")));
	}

	@Test
	void backsOffWhenTheStarterIsDisabled() {
		this.runner.withPropertyValues("pyairtable.observability.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(CardinalityGuard.class));
	}

	@Test
	void backsOffWithoutMicrometer() {
		this.runner.withClassLoader(new FilteredClassLoader(MeterRegistry.class))
			.run((context) -> assertThat(context).doesNotHaveBean(CardinalityGuard.class));
	}

	@Test
	void failsWhenTheCapIsBelowOne() {
		this.runner.withPropertyValues("pyairtable.observability.metrics.max-tag-values=0")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("pyairtable.observability.metrics.max-tag-values")
				.hasMessageContaining("was 0"));
	}

}
