package com.pyairtable.observability.autoconfigure.binders;

import java.io.IOException;
import java.time.Duration;

import com.pyairtable.observability.airtable.FakeAirtableServer;
import com.pyairtable.observability.llm.LlmCall;
import com.pyairtable.observability.llm.LlmMetrics;
import com.pyairtable.observability.mcp.McpMetrics;
import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 10,000 distinct table names through the Airtable HTTP interceptor (a real local server)
 * and 1,000 models through {@link LlmMetrics}, against the composite registry Spring Boot
 * builds (Prometheus plus a simple registry): each metric holds at most the cap plus
 * {@code other} in every registry, overflows are counted, and each metric warns once.
 */
@ExtendWith(OutputCaptureExtension.class)
class CardinalityGuardCompositeRegistryTests {

	private static FakeAirtableServer server;

	@BeforeAll
	static void startServer() throws IOException {
		server = new FakeAirtableServer();
	}

	@AfterAll
	static void stopServer() {
		server.close();
	}

	@Test
	void boundsEveryMetricInEveryRegistry(CapturedOutput output) {
		BusinessMetricsScrapeTests.runner(server.url())
			// The per-tag cap alone: the series budget, which would stop the LLM
			// histogram
			// earlier, has its own test below.
			.withPropertyValues("pyairtable.observability.metrics.airtable.rate-limit.enabled=false",
					"pyairtable.observability.metrics.max-series-per-metric=1000000")
			.run((context) -> {
				MeterRegistry composite = context.getBean(MeterRegistry.class);
				assertThat(composite).isInstanceOf(CompositeMeterRegistry.class);
				RestClient client = context.getBean(RestClient.Builder.class).baseUrl(server.url()).build();
				for (int i = 0; i < 10_000; i++) {
					client.get()
						.uri("/v0/{base}/{table}", "appCardinality", "Table " + i)
						.retrieve()
						.toBodilessEntity();
				}
				LlmMetrics llm = context.getBean(LlmMetrics.class);
				for (int i = 0; i < 1_000; i++) {
					llm.recordCall(LlmCall.builder("gemini", "model-" + i)
						.inputTokens(10)
						.outputTokens(5)
						.duration(Duration.ofMillis(5))
						.build());
				}
				for (MeterRegistry registry : new MeterRegistry[] { composite,
						context.getBean(PrometheusMeterRegistry.class), context.getBean(SimpleMeterRegistry.class) }) {
					assertThat(registry.find("airtable.api.requests").counters()).hasSize(101);
					assertThat(registry.find("airtable.api.requests").tag("table", "other").counter().count())
						.isEqualTo(9_900);
					assertThat(registry.find("airtable.api.duration").timers()).hasSize(1);
					assertThat(registry.find("llm.requests").counters()).hasSize(101);
					assertThat(registry.find("llm.request.duration").timers()).hasSize(101);
					assertThat(registry.find("llm.tokens").counters()).hasSize(202);
					assertThat(registry.find("llm.cost.usd").counters()).hasSize(101);
					assertThat(registry.find("llm.requests").tag("model", "other").counter().count()).isEqualTo(900);
					assertThat(registry.get("observability.tag.overflow")
						.tags("metric", "airtable.api.requests", "tag", "table")
						.counter()
						.count()).isEqualTo(9_900);
					assertThat(registry.get("observability.tag.overflow")
						.tags("metric", "llm.requests", "tag", "model")
						.counter()
						.count()).isEqualTo(900);
					assertThat(registry.getMeters().size()).isLessThan(1_500);
				}
				for (String metric : new String[] { "airtable.api.requests", "llm.requests", "llm.request.duration",
						"llm.tokens", "llm.cost.usd" }) {
					assertThat(output.getAll().split("Metric '" + metric + "' reached", -1)).as(metric).hasSize(2);
				}
				assertThat(output.getAll().split("Metric '", -1)).hasSize(6);
			});
	}

	@Test
	void keepsHistogramSeriesWithinTheBudgetAndReleasesIdleValuesInEveryRegistry() {
		MockClock clock = new MockClock();
		BusinessMetricsScrapeTests.runner(server.url())
			.withBean("micrometerClock", Clock.class, () -> clock)
			.withPropertyValues("pyairtable.observability.metrics.airtable.rate-limit.enabled=false")
			.run((context) -> {
				McpMetrics mcp = context.getBean(McpMetrics.class);
				for (int i = 0; i < 120; i++) {
					mcp.recordToolExecution("t" + i, "success", Duration.ofMillis(5));
				}
				PrometheusMeterRegistry prometheus = context.getBean(PrometheusMeterRegistry.class);
				assertThat(prometheus.scrape()
					.lines()
					.filter((line) -> line.startsWith("mcp_tool_duration_seconds_bucket{"))).isNotEmpty()
					.hasSizeLessThanOrEqualTo(2_000);
				clock.add(Duration.ofMinutes(11));
				mcp.recordToolExecution("list_records", "success", Duration.ofMillis(5));
				for (MeterRegistry registry : new MeterRegistry[] { context.getBean(MeterRegistry.class), prometheus,
						context.getBean(SimpleMeterRegistry.class) }) {
					assertThat(registry.get("mcp.tool.duration").tag("tool", "list_records").timer().count())
						.isEqualTo(1);
					assertThat(registry.find("mcp.tool.duration").tag("tool", "t0").timer()).isNull();
				}
				assertThat(prometheus.scrape()).doesNotContain("tool=\"t0\"");
			});
	}

}
