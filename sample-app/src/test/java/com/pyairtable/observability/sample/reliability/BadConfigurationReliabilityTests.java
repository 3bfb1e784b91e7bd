package com.pyairtable.observability.sample.reliability;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.pyairtable.observability.testsupport.Figures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scenario 10: each invalid value stops the service at startup, and the failure names the
 * full key. A service with nothing but the starter's auto-configurations (no web server,
 * so that the 29 startups stay quick).
 */
@Tag("reliability")
class BadConfigurationReliabilityTests {

	private static final List<String> FAILED_AS_EXPECTED = new ArrayList<>();

	static Stream<Arguments> invalidValues() {
		Map<String, String> table = new LinkedHashMap<>();
		table.put("pyairtable.observability.tracing.sampling.ratio", "1.5");
		table.put("pyairtable.observability.tracing.sampling.default-ratio", "-0.1");
		table.put("pyairtable.observability.tracing.sampling.environments.production", "2");
		table.put("pyairtable.observability.tracing.sampling.rules[0].ratio", "1.01");
		table.put("pyairtable.observability.tracing.sampling.tail.max-age", "0s");
		table.put("pyairtable.observability.tracing.sampling.slow-threshold", "-1s");
		table.put("pyairtable.observability.tracing.sampling.tail.max-spans", "0");
		table.put("pyairtable.observability.tracing.export.timeout", "0s");
		table.put("pyairtable.observability.tracing.export.warning-interval", "-1m");
		table.put("pyairtable.observability.tracing.export.protocol", "thrift");
		table.put("pyairtable.observability.tracing.export.compression", "zstd");
		table.put("pyairtable.observability.tracing.export.endpoint", "otel-collector:4318");
		table.put("pyairtable.observability.tracing.sampling.rules[0].method", "FETCH");
		table.put("pyairtable.observability.service.tier", "frontend");
		table.put("pyairtable.observability.service.environment", "Prod Env");
		table.put("pyairtable.observability.logging.format", "xml");
		table.put("pyairtable.observability.logging.redaction.patterns[0]", "token=([a-z");
		table.put("pyairtable.observability.http.latency-buckets", "500ms,100ms");
		table.put("pyairtable.observability.health.indicator-timeout", "0s");
		table.put("pyairtable.observability.health.checks.store.type", "udp");
		table.put("pyairtable.observability.health.checks.api.url", "ftp://127.0.0.1/status");
		table.put("pyairtable.observability.health.checks.db.interval", "0s");
		table.put("pyairtable.observability.health.airtable.window", "-5s");
		table.put("pyairtable.observability.metrics.airtable.api-url", "api.airtable.com/v0");
		table.put("pyairtable.observability.metrics.max-tag-values", "0");
		table.put("pyairtable.observability.metrics.max-series-per-metric", "0");
		table.put("pyairtable.observability.metrics.tag-value-ttl", "-1m");
		table.put("pyairtable.observability.slo.latency.latency-threshold", "300ms");
		table.put("pyairtable.observability.slo.availability.routes", "/api/records[");
		table.put("pyairtable.observability.slo.availability.objective", "100");
		table.put("pyairtable.observability.slo.availability.indicator", "throughput");
		return table.entrySet().stream().map((entry) -> Arguments.of(entry.getKey(), entry.getValue()));
	}

	/**
	 * What a key needs beside it to be checked (a check needs a type, an SLO latency
	 * indicator).
	 */
	private static Map<String, String> companions(String key) {
		Map<String, String> companions = new LinkedHashMap<>();
		if (key.equals("pyairtable.observability.health.checks.api.url")) {
			companions.put("pyairtable.observability.health.checks.api.type", "http");
		}
		if (key.equals("pyairtable.observability.health.checks.db.interval")) {
			companions.put("pyairtable.observability.health.checks.db.type", "tcp");
			companions.put("pyairtable.observability.health.checks.db.host", "127.0.0.1");
			companions.put("pyairtable.observability.health.checks.db.port", "5432");
		}
		if (key.equals("pyairtable.observability.health.checks.store.type")) {
			companions.put("pyairtable.observability.health.checks.store.host", "127.0.0.1");
			companions.put("pyairtable.observability.health.checks.store.port", "5432");
		}
		if (key.equals("pyairtable.observability.slo.latency.latency-threshold")) {
			companions.put("pyairtable.observability.slo.latency.indicator", "latency");
			companions.put("pyairtable.observability.slo.latency.objective", "99");
		}
		if (key.equals("pyairtable.observability.tracing.sampling.rules[0].ratio")) {
			companions.put("pyairtable.observability.tracing.sampling.rules[0].path", "/api/**");
		}
		return companions;
	}

	@ParameterizedTest(name = "{0}={1}")
	@MethodSource("invalidValues")
	void invalidValueFailsStartupNamingTheKey(String key, String value) {
		List<String> arguments = new ArrayList<>();
		arguments.add("--" + key + "=" + value);
		companions(key).forEach((name, companion) -> arguments.add("--" + name + "=" + companion));
		arguments.add("--spring.main.banner-mode=off");
		arguments.add("--spring.jmx.enabled=false");
		Throwable failure = null;
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(MinimalService.class)
			.web(WebApplicationType.NONE)
			.run(arguments.toArray(String[]::new))) {
			// Started: the value was accepted.
		}
		catch (RuntimeException ex) {
			failure = ex;
		}
		assertThat(failure).as("startup with %s=%s", key, value).isNotNull();
		StringBuilder messages = new StringBuilder();
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			messages.append(cause.getMessage()).append('\n');
		}
		assertThat(messages.toString()).as("failure of %s=%s", key, value).contains(key);
		String reason = messages.toString().lines().filter((line) -> line.contains(key)).reduce((a, b) -> b).orElse("");
		FAILED_AS_EXPECTED.add(key + "=" + value + " -> " + reason.strip());
	}

	@AfterAll
	static void figures() {
		Figures.record("s10-bad-configuration", "invalid_values_rejected_naming_the_key", FAILED_AS_EXPECTED.size());
		FAILED_AS_EXPECTED.forEach((line) -> Figures.record("s10-bad-configuration", "rejected", line));
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class MinimalService {

	}

}
