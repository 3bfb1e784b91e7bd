package com.pyairtable.observability.autoconfigure.cardinality;

import com.pyairtable.observability.cardinality.CardinalityGuard;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class CardinalityAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CardinalityAutoConfiguration.class));

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
