package com.pyairtable.observability.tracing;

import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SamplingRuleTests {

	@Test
	void prefixPatternsMatchLikeAntPatterns() {
		Predicate<String> actuator = SamplingRule.compile("/actuator/**");
		assertThat(actuator).accepts("/actuator", "/actuator/", "/actuator/health/liveness");
		assertThat(actuator).rejects("/actuatorx", "/api/actuator", "/");
	}

	@Test
	void literalPatternsMatchOnlyThemselves() {
		Predicate<String> health = SamplingRule.compile("/health");
		assertThat(health).accepts("/health");
		assertThat(health).rejects("/health/live", "/healthz");
	}

	@Test
	void otherPatternsUseTheGeneralMatcher() {
		assertThat(SamplingRule.compile("/api/*/records/**")).accepts("/api/v1/records", "/api/v2/records/rec1")
			.rejects("/api/v1/other");
		assertThat(SamplingRule.compile("/items/{id}")).accepts("/items/42").rejects("/items/42/parts");
		assertThat(SamplingRule.compile("/**/internal/**")).accepts("/a/b/internal/x");
	}

}
