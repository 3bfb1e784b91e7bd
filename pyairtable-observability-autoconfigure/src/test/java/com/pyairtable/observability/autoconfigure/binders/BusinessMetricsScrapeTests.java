package com.pyairtable.observability.autoconfigure.binders;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import com.pyairtable.observability.airtable.AirtableMetrics;
import com.pyairtable.observability.airtable.FakeAirtableServer;
import com.pyairtable.observability.autoconfigure.airtable.AirtableObservabilityAutoConfiguration;
import com.pyairtable.observability.autoconfigure.cache.CacheObservabilityAutoConfiguration;
import com.pyairtable.observability.autoconfigure.cardinality.CardinalityObservabilityAutoConfiguration;
import com.pyairtable.observability.autoconfigure.core.ObservabilityAutoConfiguration;
import com.pyairtable.observability.autoconfigure.llm.LlmObservabilityAutoConfiguration;
import com.pyairtable.observability.autoconfigure.mcp.McpObservabilityAutoConfiguration;
import com.pyairtable.observability.autoconfigure.resilience.ResilienceObservabilityAutoConfiguration;
import com.pyairtable.observability.autoconfigure.saga.SagaObservabilityAutoConfiguration;
import com.pyairtable.observability.llm.LlmCall;
import com.pyairtable.observability.llm.LlmMetrics;
import com.pyairtable.observability.mcp.McpDirection;
import com.pyairtable.observability.mcp.McpMetrics;
import com.pyairtable.observability.saga.SagaRunner;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.cache.autoconfigure.metrics.CacheMetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.prometheus.PrometheusMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.cache.concurrent.ConcurrentMapCacheManager;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Every binder exercised in one context with Boot's composite registry (Prometheus plus a
 * simple registry), then one Prometheus scrape checked against CONTRACT section 3: every
 * metric present, with exactly the contract's labels plus the identity labels (and
 * {@code error} on the observation timers).
 */
class BusinessMetricsScrapeTests {

	static final Set<String> IDENTITY = Set.of("service", "version", "tier", "environment");

	static final List<Expected> CONTRACT = List.of(
			new Expected("airtable_api_requests_total", "counter", "base", "table", "operation", "status"),
			new Expected("airtable_api_duration_seconds", "histogram", "base", "operation"),
			new Expected("airtable_rate_limit_hits_total", "counter", "base"),
			new Expected("airtable_rate_limit_remaining", "gauge", "base"),
			new Expected("airtable_request_queue_size", "gauge"), new Expected("airtable_api_monthly_quota", "gauge"),
			new Expected("airtable_cache_operations_total", "counter", "operation", "result"),
			new Expected("llm_requests_total", "counter", "provider", "model", "operation", "status"),
			new Expected("llm_request_duration_seconds", "histogram", "provider", "model", "operation"),
			new Expected("llm_tokens_total", "counter", "provider", "model", "type"),
			new Expected("llm_cost_usd_total", "counter", "provider", "model"),
			new Expected("llm_active_sessions", "gauge"),
			new Expected("saga_executions_total", "counter", "saga", "outcome"),
			new Expected("saga_operations_total", "counter", "saga", "step", "outcome"),
			new Expected("saga_duration_seconds", "histogram", "saga", "outcome", "error"),
			new Expected("saga_step_duration_seconds", "histogram", "saga", "step", "error"),
			new Expected("saga_active", "gauge", "saga"),
			new Expected("cache_operations_total", "counter", "cache", "operation", "result"),
			new Expected("cache_operation_duration_seconds", "histogram", "cache", "operation"),
			new Expected("circuit_breaker_state", "gauge", "name"),
			new Expected("circuit_breaker_transitions_total", "counter", "name", "from", "to"),
			new Expected("mcp_tool_executions_total", "counter", "tool", "status"),
			new Expected("mcp_tool_duration_seconds", "histogram", "tool"),
			new Expected("mcp_protocol_messages_total", "counter", "direction", "type"),
			new Expected("mcp_subprocesses", "gauge"),
			new Expected("observability_tag_overflow_total", "counter", "metric", "tag"));

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
	void scrapeHoldsEveryContractMetricWithExactlyTheContractLabels() {
		runner(server.url()).run((context) -> {
			assertThat(context.getBean(MeterRegistry.class)).isInstanceOf(CompositeMeterRegistry.class);
			exerciseEveryBinder(context);
			String text = context.getBean(PrometheusMeterRegistry.class).scrape();
			Files.createDirectories(Path.of("target"));
			Files.writeString(Path.of("target/binders-scrape.txt"), text);
			PrometheusScrape scrape = new PrometheusScrape(text);
			for (Expected expected : CONTRACT) {
				assertThat(scrape.type(expected.family())).as("# TYPE of %s", expected.name())
					.isEqualTo(expected.type());
				List<String> sampleNames = expected.sampleNames();
				for (String sampleName : sampleNames) {
					List<PrometheusScrape.Sample> samples = scrape.samples(sampleName);
					assertThat(samples).as("samples of %s", sampleName).isNotEmpty();
					for (PrometheusScrape.Sample sample : samples) {
						Set<String> labels = new HashSet<>(sample.labels().keySet());
						labels.remove("le");
						assertThat(labels).as("labels of %s", sample).isEqualTo(expected.labels());
					}
				}
			}
			assertThat(text).contains("resilience4j_circuitbreaker_state{");
			assertThat(text).contains("airtable_api_requests_total{base=\"appE2E\"");
			assertThat(text).contains("table=\"My Table\"");
			assertThat(text)
				.contains("saga_executions_total{environment=\"test\",outcome=\"compensated\",saga=\"order\"");
		});
	}

	static ApplicationContextRunner runner(String apiUrl) {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(ObservabilityAutoConfiguration.class,
					MetricsAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class,
					PrometheusMetricsExportAutoConfiguration.class, ObservationAutoConfiguration.class,
					RestClientAutoConfiguration.class, CacheMetricsAutoConfiguration.class,
					CardinalityObservabilityAutoConfiguration.class, AirtableObservabilityAutoConfiguration.class,
					LlmObservabilityAutoConfiguration.class, SagaObservabilityAutoConfiguration.class,
					CacheObservabilityAutoConfiguration.class, ResilienceObservabilityAutoConfiguration.class,
					McpObservabilityAutoConfiguration.class))
			.withBean("simpleMeterRegistry", SimpleMeterRegistry.class, SimpleMeterRegistry::new)
			.withBean("cacheManager", ConcurrentMapCacheManager.class, () -> new ConcurrentMapCacheManager("tables"))
			.withPropertyValues("pyairtable.observability.service.name=airtable-gateway",
					"pyairtable.observability.service.version=1.2.3", "pyairtable.observability.service.tier=gateway",
					"pyairtable.observability.service.environment=test",
					"pyairtable.observability.metrics.airtable.api-url=" + apiUrl,
					"pyairtable.observability.metrics.airtable.monthly-quota=100000",
					"pyairtable.observability.metrics.airtable.rate-limit.enabled=true",
					"pyairtable.observability.metrics.llm.pricing.[gemini-2.5-flash].input-per-million-tokens=0.30",
					"pyairtable.observability.metrics.llm.pricing.[gemini-2.5-flash].output-per-million-tokens=2.50");
	}

	private static void exerciseEveryBinder(org.springframework.context.ApplicationContext context) throws Exception {
		RestClient client = context.getBean(RestClient.Builder.class).baseUrl(server.url()).build();
		client.get().uri("/v0/{base}/{table}", "appE2E", "My Table").retrieve().toBodilessEntity();
		assertThatExceptionOfType(RestClientResponseException.class)
			.isThrownBy(() -> client.get().uri("/v0/appE2E/Throttled").retrieve().toBodilessEntity());
		AirtableMetrics airtable = context.getBean(AirtableMetrics.class);
		airtable.recordCacheHit("list");
		airtable.recordCacheMiss("list");

		LlmMetrics llm = context.getBean(LlmMetrics.class);
		llm.recordCall(LlmCall.builder("gemini", "gemini-2.5-flash")
			.inputTokens(1200)
			.outputTokens(300)
			.duration(Duration.ofMillis(800))
			.build());
		llm.openSession();

		SagaRunner sagas = context.getBean(SagaRunner.class);
		sagas.saga("checkout").step("reserve", () -> {
		}, () -> {
		}).run();
		sagas.saga("order").step("reserve", () -> {
		}, () -> {
		}).step("charge", () -> {
			throw new IllegalStateException("declined");
		}).run();
		sagas.begin("long-import");

		Cache cache = context.getBean(CacheManager.class).getCache("tables");
		cache.get("a");
		cache.put("a", "A");
		cache.get("a");

		CircuitBreaker breaker = context.getBean(CircuitBreakerRegistry.class).circuitBreaker("airtable");
		breaker.transitionToOpenState();
		breaker.transitionToHalfOpenState();
		breaker.transitionToClosedState();
		breaker.onError(0, TimeUnit.MILLISECONDS, new IllegalStateException());

		McpMetrics mcp = context.getBean(McpMetrics.class);
		mcp.executeTool("list_records", () -> "ok");
		mcp.recordMessage(McpDirection.INBOUND, "tools/call");
		mcp.subprocessStarted();
		// Overflow one tag so observability_tag_overflow_total is in the scrape.
		for (int i = 0; i <= 100; i++) {
			mcp.recordMessage(McpDirection.OUTBOUND, "type-" + i);
		}
	}

	record Expected(String name, String type, Set<String> labels) {

		Expected(String name, String type, String... labels) {
			this(name, type, withIdentity(labels));
		}

		private static Set<String> withIdentity(String... labels) {
			Set<String> all = new LinkedHashSet<>(IDENTITY);
			all.addAll(List.of(labels));
			return all;
		}

		String family() {
			return this.name;
		}

		List<String> sampleNames() {
			return this.type.equals("histogram")
					? List.of(this.name + "_bucket", this.name + "_count", this.name + "_sum") : List.of(this.name);
		}

	}

}
