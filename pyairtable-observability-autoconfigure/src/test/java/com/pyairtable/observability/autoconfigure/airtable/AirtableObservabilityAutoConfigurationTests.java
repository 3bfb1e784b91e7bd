package com.pyairtable.observability.autoconfigure.airtable;

import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.pyairtable.observability.airtable.AirtableClientHttpRequestInterceptor;
import com.pyairtable.observability.airtable.AirtableExchangeFilterFunction;
import com.pyairtable.observability.airtable.AirtableMetrics;
import com.pyairtable.observability.airtable.AirtableRateLimitHealthCheck;
import com.pyairtable.observability.airtable.FakeAirtableServer;
import com.pyairtable.observability.airtable.Resilience4jAirtableCallBudget;
import com.pyairtable.observability.autoconfigure.cardinality.CardinalityObservabilityAutoConfiguration;
import com.pyairtable.observability.autoconfigure.core.ObservabilityAutoConfiguration;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.restclient.RestTemplateBuilder;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestTemplateAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.http.client.reactive.JdkClientHttpConnector;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;
import org.springframework.web.client.RestTemplate;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class AirtableObservabilityAutoConfigurationTests {

	private static FakeAirtableServer server;

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ObservabilityAutoConfiguration.class, MetricsAutoConfiguration.class,
				SimpleMetricsExportAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class,
				CardinalityObservabilityAutoConfiguration.class, AirtableObservabilityAutoConfiguration.class,
				RestClientAutoConfiguration.class, RestTemplateAutoConfiguration.class,
				WebClientAutoConfiguration.class))
		.withPropertyValues("pyairtable.observability.metrics.airtable.api-url=" + server.url());

	@BeforeAll
	static void startServer() throws IOException {
		server = new FakeAirtableServer();
	}

	@AfterAll
	static void stopServer() {
		server.close();
	}

	@Test
	void recordsRestClientCallsToAirtableWithBaseTableOperationAndStatus() {
		this.runner.run((context) -> {
			RestClient client = context.getBean(RestClient.Builder.class).baseUrl(server.url()).build();
			client.get()
				.uri("/v0/{base}/{table}?filterByFormula=secret&api_key=key123", "appBase1", "My Table")
				.retrieve()
				.toBodilessEntity();
			assertThat(server.requests()).contains("GET /v0/appBase1/My%20Table");
			client.get().uri("/v0/appBase1/tblX/recSecretRecordId").retrieve().toBodilessEntity();
			client.post().uri("/v0/appBase1/tblX").body("{}").retrieve().toBodilessEntity();
			client.patch().uri("/v0/appBase1/tblX/rec1").body("{}").retrieve().toBodilessEntity();
			client.put().uri("/v0/appBase1/tblX/rec1").body("{}").retrieve().toBodilessEntity();
			client.delete().uri("/v0/appBase1/tblX/rec1").retrieve().toBodilessEntity();
			client.get().uri("/v0/meta/bases/appBase1/tables").retrieve().toBodilessEntity();
			assertThatExceptionOfType(RestClientResponseException.class)
				.isThrownBy(() -> client.get().uri("/v0/appBase1/Throttled").retrieve().toBodilessEntity());
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(count(registry, "appBase1", "My Table", "list", "200")).isEqualTo(1);
			assertThat(count(registry, "appBase1", "tblX", "get", "200")).isEqualTo(1);
			assertThat(count(registry, "appBase1", "tblX", "create", "200")).isEqualTo(1);
			assertThat(count(registry, "appBase1", "tblX", "update", "200")).isEqualTo(1);
			assertThat(count(registry, "appBase1", "tblX", "replace", "200")).isEqualTo(1);
			assertThat(count(registry, "appBase1", "tblX", "delete", "200")).isEqualTo(1);
			assertThat(count(registry, "appBase1", "none", "meta", "200")).isEqualTo(1);
			assertThat(count(registry, "appBase1", "Throttled", "list", "429")).isEqualTo(1);
			assertThat(registry.get("airtable.rate.limit.hits").tag("base", "appBase1").counter().count()).isEqualTo(1);
			assertThat(
					registry.get("airtable.api.duration").tags("base", "appBase1", "operation", "list").timer().count())
				.isEqualTo(2);
			assertThat(registry.find("airtable.api.requests").meters())
				.allSatisfy((meter) -> assertThat(meter.getId().getTags().toString()).doesNotContain("rec1",
						"recSecret", "secret", "key123"));
		});
	}

	@Test
	void resolvesPlaceholdersInTheApiUrlAtTheFirstCall() {
		String port = server.url().substring(server.url().lastIndexOf(':') + 1);
		this.runner
			.withPropertyValues(
					"pyairtable.observability.metrics.airtable.api-url=http://127.0.0.1:${test.airtable.port}")
			.run((context) -> {
				// Known only once the application runs, like local.server.port.
				context.getEnvironment()
					.getPropertySources()
					.addFirst(new org.springframework.core.env.MapPropertySource("late",
							java.util.Map.of("test.airtable.port", port)));
				RestClient client = context.getBean(RestClient.Builder.class).baseUrl(server.url()).build();
				client.get().uri("/v0/appLate/tblL").retrieve().toBodilessEntity();
				assertThat(count(context.getBean(MeterRegistry.class), "appLate", "tblL", "list", "200")).isEqualTo(1);
			});
	}

	@Test
	void ignoresCallsToOtherUrls() {
		this.runner.run((context) -> {
			RestClient client = context.getBean(RestClient.Builder.class).baseUrl(server.otherUrl()).build();
			client.get().uri("/v0/appOther/tbl").retrieve().toBodilessEntity();
			assertThat(context.getBean(MeterRegistry.class).find("airtable.api.requests").meters()).isEmpty();
		});
	}

	@Test
	void recordsRestTemplateCalls() {
		this.runner.run((context) -> {
			RestTemplate template = context.getBean(RestTemplateBuilder.class).rootUri(server.url()).build();
			template.getForEntity("/v0/{base}/{table}", String.class, "appTemplate", "Table Two");
			assertThat(count(context.getBean(MeterRegistry.class), "appTemplate", "Table Two", "list", "200"))
				.isEqualTo(1);
		});
	}

	@Test
	void recordsWebClientCalls() {
		this.runner.run((context) -> {
			WebClient client = context.getBean(WebClient.Builder.class)
				.clientConnector(new JdkClientHttpConnector())
				.baseUrl(server.url())
				.build();
			client.get().uri("/v0/appReactive/tblR/rec9").retrieve().toBodilessEntity().block();
			assertThat(count(context.getBean(MeterRegistry.class), "appReactive", "tblR", "get", "200")).isEqualTo(1);
		});
	}

	@Test
	void recordsCacheOperationsAndTheMonthlyQuota() {
		this.runner.withPropertyValues("pyairtable.observability.metrics.airtable.monthly-quota=100000")
			.run((context) -> {
				AirtableMetrics metrics = context.getBean(AirtableMetrics.class);
				metrics.recordCacheHit("list");
				metrics.recordCacheHit("list");
				metrics.recordCacheMiss("get");
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				assertThat(registry.get("airtable.cache.operations")
					.tags("operation", "list", "result", "hit")
					.counter()
					.count()).isEqualTo(2);
				assertThat(registry.get("airtable.cache.operations")
					.tags("operation", "get", "result", "miss")
					.counter()
					.count()).isEqualTo(1);
				assertThat(registry.get("airtable.api.monthly.quota").gauge().value()).isEqualTo(100000);
				assertThat(registry.get("airtable.request.queue.size").gauge().value()).isZero();
			});
	}

	@Test
	void appliesThePerBaseBudgetWhenEnabled() {
		this.runner
			.withPropertyValues("pyairtable.observability.metrics.airtable.rate-limit.enabled=true",
					"pyairtable.observability.metrics.airtable.rate-limit.limit-for-period=2",
					"pyairtable.observability.metrics.airtable.rate-limit.period=1h",
					"pyairtable.observability.metrics.airtable.rate-limit.timeout=20s")
			.run((context) -> {
				RestClient client = context.getBean(RestClient.Builder.class).baseUrl(server.url()).build();
				client.get().uri("/v0/appBudget/t").retrieve().toBodilessEntity();
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				assertThat(registry.get("airtable.rate.limit.remaining").tag("base", "appBudget").gauge().value())
					.isEqualTo(1);
				client.get().uri("/v0/appBudget/t").retrieve().toBodilessEntity();
				assertThat(registry.get("airtable.rate.limit.remaining").tag("base", "appBudget").gauge().value())
					.isZero();
				// The third call waits for the budget: it is seen in the queue, then
				// released
				// by changing the limit (the period is an hour).
				ExecutorService executor = Executors.newSingleThreadExecutor();
				try {
					executor.submit(() -> client.get().uri("/v0/appBudget/t").retrieve().toBodilessEntity());
					org.awaitility.Awaitility.await()
						.atMost(10, TimeUnit.SECONDS)
						.until(() -> registry.get("airtable.request.queue.size").gauge().value() == 1);
					RateLimiter limiter = context.getBean(Resilience4jAirtableCallBudget.class)
						.getRateLimiters()
						.rateLimiter("appBudget");
					limiter.changeLimitForPeriod(10);
					limiter.changeTimeoutDuration(java.time.Duration.ZERO);
					org.awaitility.Awaitility.await()
						.atMost(30, TimeUnit.SECONDS)
						.until(() -> registry.get("airtable.request.queue.size").gauge().value() == 0);
				}
				finally {
					executor.shutdownNow();
				}
			});
	}

	@Test
	void backsOffWhenDisabled() {
		this.runner.withPropertyValues("pyairtable.observability.metrics.airtable.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(AirtableMetrics.class)
				.doesNotHaveBean(AirtableClientHttpRequestInterceptor.class)
				.doesNotHaveBean("airtableRestClientCustomizer"));
	}

	@Test
	void backsOffWhenUserDefinesMetrics() {
		this.runner
			.withBean("myMetrics", AirtableMetrics.class,
					() -> new AirtableMetrics(new com.pyairtable.observability.cardinality.CardinalityGuard(5, 10),
							null, 0))
			.run((context) -> assertThat(context).getBean(AirtableMetrics.class)
				.isSameAs(context.getBean("myMetrics")));
	}

	@Test
	void hasNoBudgetByDefault() {
		this.runner.run((context) -> assertThat(context).hasSingleBean(AirtableMetrics.class)
			.doesNotHaveBean(Resilience4jAirtableCallBudget.class)
			.hasSingleBean(AirtableExchangeFilterFunction.class));
	}

	@Test
	void skipsWebClientWhenWebFluxIsAbsent() {
		this.runner.withClassLoader(new FilteredClassLoader(WebClient.class))
			.run((context) -> assertThat(context).hasSingleBean(AirtableClientHttpRequestInterceptor.class)
				.doesNotHaveBean(AirtableExchangeFilterFunction.class));
	}

	@Test
	void skipsBudgetWhenResilience4jIsAbsent() {
		this.runner.withClassLoader(new FilteredClassLoader(RateLimiter.class))
			.withPropertyValues("pyairtable.observability.metrics.airtable.rate-limit.enabled=true")
			.run((context) -> assertThat(context).hasSingleBean(AirtableMetrics.class)
				.doesNotHaveBean(Resilience4jAirtableCallBudget.class));
	}

	@Test
	void contributesItsHealthCheckUnlessHealthOrTheCheckIsSwitchedOff() {
		this.runner.run((context) -> assertThat(context).hasSingleBean(AirtableRateLimitHealthCheck.class));
		this.runner.withPropertyValues("pyairtable.observability.health.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(AirtableRateLimitHealthCheck.class));
		this.runner.withPropertyValues("pyairtable.observability.health.airtable.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(AirtableRateLimitHealthCheck.class));
		this.runner.withClassLoader(new FilteredClassLoader(HealthContributor.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(AirtableRateLimitHealthCheck.class));
	}

	@Test
	void failsOnAnInvalidApiUrl() {
		this.runner.withPropertyValues("pyairtable.observability.metrics.airtable.api-url=ftp://x")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("pyairtable.observability.metrics.airtable.api-url")
				.hasMessageContaining("ftp://x"));
	}

	private static double count(MeterRegistry registry, String base, String table, String operation, String status) {
		return registry.get("airtable.api.requests")
			.tags("base", base, "table", table, "operation", operation, "status", status)
			.counter()
			.count();
	}

	@Test
	void failsOnARateLimitThresholdOutOfRange() {
		this.runner.withPropertyValues("pyairtable.observability.health.airtable.rate-limit-hits=100")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("pyairtable.observability.health.airtable.rate-limit-hits was 100"));
	}

}
