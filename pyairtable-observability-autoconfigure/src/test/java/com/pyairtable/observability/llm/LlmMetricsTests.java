package com.pyairtable.observability.llm;

import java.time.Duration;
import java.util.Map;

import com.pyairtable.observability.cardinality.CardinalityGuard;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

@ExtendWith(OutputCaptureExtension.class)
class LlmMetricsTests {

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final LlmMetrics metrics = new LlmMetrics(new CardinalityGuard(100, 64),
			Map.of("gemini-2.5-flash", new LlmModelPrice(0.30, 2.50)));

	LlmMetricsTests() {
		this.metrics.bindTo(this.registry);
	}

	@Test
	void recordsRequestsDurationTokensAndCost() {
		this.metrics.recordCall(LlmCall.builder("gemini", "gemini-2.5-flash")
			.inputTokens(1_000_000)
			.outputTokens(200_000)
			.duration(Duration.ofMillis(1200))
			.build());
		this.metrics.recordCall("gemini", "gemini-2.5-flash", "chat", "error", 0, 0, Duration.ofMillis(50));
		assertThat(this.registry.get("llm.requests")
			.tags("provider", "gemini", "model", "gemini-2.5-flash", "operation", "chat", "status", "success")
			.counter()
			.count()).isEqualTo(1);
		assertThat(this.registry.get("llm.requests").tags("status", "error").counter().count()).isEqualTo(1);
		assertThat(this.registry.get("llm.request.duration")
			.tags("provider", "gemini", "model", "gemini-2.5-flash", "operation", "chat")
			.timer()
			.count()).isEqualTo(2);
		assertThat(this.registry.get("llm.tokens").tags("type", "input").counter().count()).isEqualTo(1_000_000);
		assertThat(this.registry.get("llm.tokens").tags("type", "output").counter().count()).isEqualTo(200_000);
		assertThat(this.registry.get("llm.cost.usd")
			.tags("provider", "gemini", "model", "gemini-2.5-flash")
			.counter()
			.count()).isCloseTo(0.30 + 0.50, within(1e-9));
	}

	@Test
	void countsUnknownModelsWithCostZeroAndLogsOnce(CapturedOutput output) {
		for (int i = 0; i < 3; i++) {
			this.metrics
				.recordCall(LlmCall.builder("openai", "mystery-model").inputTokens(10).outputTokens(10).build());
		}
		assertThat(this.registry.get("llm.cost.usd").tags("model", "mystery-model").counter().count()).isZero();
		assertThat(output.getAll().split("No price for LLM model 'mystery-model'", -1)).hasSize(2);
	}

	@Test
	void redactsAModelNameWholeBeforeCuttingItInTheWarning(CapturedOutput output) {
		// 82 characters: the cardinality guard cuts it at 64, where the pattern no longer
		// matches.
		String token = "patAbCdEfGhIjKlMn.0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
		this.metrics.recordCall(LlmCall.builder("openai", token).inputTokens(10).build());
		String warning = output.getAll()
			.lines()
			.filter((line) -> line.contains("No price for LLM model"))
			.findFirst()
			.orElseThrow();
		assertThat(warning).contains("[REDACTED")
			.doesNotContain("patAbCdEfGhIjKlMn")
			.doesNotContain("0123456789abcdef");
	}

	@Test
	void quotesAModelNameOnOneLineAndBoundedInTheWarning(CapturedOutput output) {
		String model = "fake\nERROR forged line " + "m".repeat(300);
		this.metrics.recordCall(LlmCall.builder("openai", model).inputTokens(10).build());
		String warning = output.getAll()
			.lines()
			.filter((line) -> line.contains("No price for LLM model"))
			.findFirst()
			.orElseThrow();
		assertThat(warning).contains("'fake_ERROR forged line mmm").doesNotContain("m".repeat(120));
	}

	@Test
	void countsOpenSessions() {
		LlmSession first = this.metrics.openSession();
		LlmSession second = this.metrics.openSession();
		assertThat(this.registry.get("llm.active.sessions").gauge().value()).isEqualTo(2);
		first.close();
		first.close();
		assertThat(this.registry.get("llm.active.sessions").gauge().value()).isEqualTo(1);
		second.close();
		this.metrics.sessionClosed();
		assertThat(this.registry.get("llm.active.sessions").gauge().value()).isZero();
	}

	@Test
	void neverThrowsOnOddInput() {
		this.metrics.recordCall(new LlmCall("", "\n", "", "", -5, -5, Duration.ofMillis(-1)));
		assertThat(this.registry.get("llm.requests").tags("model", "unknown").counter().count()).isEqualTo(1);
	}

}
