package com.pyairtable.observability.autoconfigure.binders;

import java.time.Duration;
import java.util.List;

import com.pyairtable.observability.cardinality.CardinalityGuard;
import com.pyairtable.observability.llm.LlmCall;
import com.pyairtable.observability.llm.LlmMetrics;
import com.pyairtable.observability.mcp.McpMetrics;
import io.micrometer.core.instrument.MockClock;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cardinality guard seen through a Prometheus scrape: the histogram series attack on
 * MCP tool names stays within the series budget, secrets never reach a label, and the
 * values of a burst are released after the time to live.
 */
class CardinalityGuardScrapeTests {

	private static final String OPENAI_KEY = "sk-proj-A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8S9t0";

	private static final String JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U";

	private static final String AIRTABLE_PAT = "patAbCdEfGhIjKlMn."
			+ "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

	private final MockClock clock = new MockClock();

	private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT,
			new PrometheusRegistry(), this.clock);

	@Test
	void keepsTheHistogramSeriesOf120ToolsWithinASmallBudget() {
		McpMetrics mcp = mcpMetrics(CardinalityGuard.builder().maxSeriesPerMetric(200).clock(this.clock).build());
		attack(mcp, 120);
		String scrape = this.registry.scrape();
		assertThat(count(scrape, "mcp_tool_duration_seconds_bucket{")).isPositive().isLessThanOrEqualTo(200);
		assertThat(series(scrape, "mcp_tool_duration_seconds")).isLessThanOrEqualTo(200);
		assertThat(scrape).contains("tool=\"other\"");
		assertThat(scrape)
			.containsPattern("observability_tag_overflow_total\\{metric=\"mcp.tool.duration\",tag=\"tool\"} [1-9]");
	}

	@Test
	void keepsTheHistogramSeriesOf120ToolsWithinTheDefaultBudget() {
		CardinalityGuard guard = CardinalityGuard.builder().clock(this.clock).build();
		McpMetrics mcp = mcpMetrics(guard);
		attack(mcp, 120);
		String scrape = this.registry.scrape();
		int buckets = count(scrape, "mcp_tool_duration_seconds_bucket{");
		assertThat(buckets).isLessThanOrEqualTo(CardinalityGuard.DEFAULT_MAX_SERIES_PER_METRIC);
		assertThat(series(scrape, "mcp_tool_duration_seconds"))
			.isLessThanOrEqualTo(CardinalityGuard.DEFAULT_MAX_SERIES_PER_METRIC);
		System.out.println("120-tool attack, default budget: " + buckets + " mcp_tool_duration_seconds_bucket series, "
				+ scrape.length() + " bytes scraped");
	}

	@Test
	void measuresTheAttackWithoutASeriesBudget() {
		// The guard as it was: 100 values per tag, no budget. For the figures only.
		McpMetrics mcp = mcpMetrics(
				CardinalityGuard.builder().maxSeriesPerMetric(Integer.MAX_VALUE).clock(this.clock).build());
		attack(mcp, 120);
		String scrape = this.registry.scrape();
		int buckets = count(scrape, "mcp_tool_duration_seconds_bucket{");
		assertThat(buckets).isGreaterThan(CardinalityGuard.DEFAULT_MAX_SERIES_PER_METRIC);
		System.out.println("120-tool attack, no series budget: " + buckets
				+ " mcp_tool_duration_seconds_bucket series, " + scrape.length() + " bytes scraped");
	}

	@Test
	void neverLetsASecretIntoTheScrape() {
		CardinalityGuard guard = CardinalityGuard.builder().clock(this.clock).build();
		McpMetrics mcp = mcpMetrics(guard);
		LlmMetrics llm = new LlmMetrics(guard, java.util.Map.of());
		llm.bindTo(this.registry);
		for (String secret : List.of(OPENAI_KEY, JWT, AIRTABLE_PAT)) {
			llm.recordCall(LlmCall.builder("openai", secret).inputTokens(10).outputTokens(5).build());
			mcp.recordToolExecution(secret, "success", Duration.ofMillis(5));
		}
		String scrape = this.registry.scrape();
		for (String secret : List.of(OPENAI_KEY, JWT, AIRTABLE_PAT)) {
			assertThat(scrape).doesNotContain(secret.substring(0, 16));
		}
		assertThat(scrape).contains("llm_cost_usd_total{model=\"redacted\"");
		assertThat(scrape).contains("tool=\"redacted\"");
		assertThat(scrape).contains("observability_tag_redacted_total{metric=\"llm.requests\",tag=\"model\"} 3.0")
			.contains("observability_tag_redacted_total{metric=\"mcp.tool.duration\",tag=\"tool\"} 3.0");
	}

	@Test
	void releasesABurstAfterTheTimeToLiveAndRecordsALegitimateToolAgain() {
		McpMetrics mcp = mcpMetrics(CardinalityGuard.builder().maxSeriesPerMetric(200).clock(this.clock).build());
		attack(mcp, 120);
		mcp.recordToolExecution("list_records", "success", Duration.ofMillis(5));
		assertThat(this.registry.scrape()).doesNotContain("tool=\"list_records\"");
		this.clock.add(Duration.ofMinutes(11));
		mcp.recordToolExecution("list_records", "success", Duration.ofMillis(5));
		String scrape = this.registry.scrape();
		assertThat(scrape).contains("mcp_tool_duration_seconds_count{tool=\"list_records\"} 1");
		assertThat(scrape).doesNotContain("tool=\"t0\"").doesNotContain("tool=\"t1\"");
		assertThat(count(scrape, "mcp_tool_duration_seconds_bucket{")).isLessThanOrEqualTo(200);
	}

	private McpMetrics mcpMetrics(CardinalityGuard guard) {
		guard.bindTo(this.registry);
		McpMetrics mcp = new McpMetrics(guard);
		mcp.bindTo(this.registry);
		return mcp;
	}

	private static void attack(McpMetrics mcp, int tools) {
		for (int i = 0; i < tools; i++) {
			mcp.recordToolExecution("t" + i, "success", Duration.ofMillis(5));
		}
	}

	private static int count(String scrape, String prefix) {
		return (int) scrape.lines().filter((line) -> line.startsWith(prefix)).count();
	}

	/** Every sample of a Prometheus family, histogram and max included. */
	private static int series(String scrape, String family) {
		return (int) scrape.lines()
			.filter((line) -> !line.startsWith("#") && line.startsWith(family)
					&& (line.charAt(family.length()) == '{' || line.charAt(family.length()) == '_'))
			.count();
	}

}
