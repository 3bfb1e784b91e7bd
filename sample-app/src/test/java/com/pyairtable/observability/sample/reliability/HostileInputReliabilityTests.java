package com.pyairtable.observability.sample.reliability;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import com.pyairtable.observability.cache.CacheMetrics;
import com.pyairtable.observability.llm.LlmCall;
import com.pyairtable.observability.llm.LlmMetrics;
import com.pyairtable.observability.logging.BusinessContext;
import com.pyairtable.observability.mcp.McpMetrics;
import com.pyairtable.observability.opskit.OpsKitGenerator;
import com.pyairtable.observability.opskit.OpsKitSettings;
import com.pyairtable.observability.queue.QueueMetrics;
import com.pyairtable.observability.sample.reliability.HostileSecrets.Finding;
import com.pyairtable.observability.sample.reliability.HostileSecrets.Secret;
import com.pyairtable.observability.testsupport.Figures;
import com.pyairtable.observability.testsupport.OtlpCollector;
import com.pyairtable.observability.testsupport.ReceivedSpan;
import com.pyairtable.observability.testsupport.SentryStandIn;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.logs.SdkLoggerProvider;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.sentry.Breadcrumb;
import io.sentry.Sentry;
import io.sentry.SentryEvent;
import io.sentry.protocol.Message;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Scenario 14: a hostile caller. Every secret shape of {@link HostileSecrets} is sent
 * through every input of the running sample (query strings, path variables, headers, JSON
 * bodies, LLM model names, MCP tool names, queue and cache names, exception messages, log
 * arguments, span names and attributes) and searched for in every output (both scrapes,
 * the JSON and text logs of sync and async appenders, OTLP log records, every exported
 * span and resource, health details, the written ops kit). Then the histogram series
 * attack, a {@code traceparent} storm, a {@code Content-Length} lie and the kit writer's
 * symlink, overwrite and escape cases. One application serves the first three; the storm
 * needs its own sampling settings and the kit writer its own runs.
 */
@Tag("reliability")
@ExtendWith(OutputCaptureExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileInputReliabilityTests {

	/** The series budget per metric set for the scenario (the default is 2,000). */
	static final int SERIES_BUDGET = 300;

	/** The scenario's traces-per-second cap, far below the storm's rate. */
	static final int TRACES_PER_SECOND = 5;

	private static final Logger log = LoggerFactory.getLogger("com.example.hostile.UpstreamClient");

	private static final HostileSecrets SECRETS = new HostileSecrets();

	private static final String RUNBOOK_BASE_URL = "pyairtable.observability.ops-kit.runbook-base-url="
			+ "https://runbooks.example.com/sk_live_NfxmJnINXcwFaXbdT2dpbPGP/";

	private static final String RUNBOOK_URL = "pyairtable.observability.alerts.ServiceDown.runbook-url="
			+ "https://runbooks.example.com/down?token="
			+ "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";

	@TempDir
	static Path temp;

	private static OtlpCollector receiver;

	private static SentryStandIn sentry;

	private static SampleInstance app;

	private static Path logs;

	@BeforeAll
	static void startSample() throws IOException {
		logs = Files.createDirectories(temp.resolve("logs"));
		receiver = new OtlpCollector();
		sentry = new SentryStandIn();
		int closedPort = SampleInstance.freePort();
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("logging.config", "classpath:reliability/hostile-logback.xml");
		properties.put("hostile.log-dir", logs);
		properties.put("pyairtable.observability.logging.format", "json");
		properties.put("pyairtable.observability.logging.otlp.enabled", true);
		properties.put("pyairtable.observability.logging.otlp.endpoint", receiver.endpoint());
		properties.put("sentry.dsn", sentry.dsn());
		properties.put("pyairtable.observability.tracing.export.endpoint", receiver.endpoint());
		properties.put("pyairtable.observability.tracing.console-export.enabled", true);
		// Every trace exported, so that every span is searched.
		properties.put("pyairtable.observability.tracing.sampling.max-traces-per-second", 0);
		properties.put("management.opentelemetry.tracing.export.schedule-delay", "1s");
		properties.put("pyairtable.observability.metrics.max-series-per-metric", SERIES_BUDGET);
		properties.put("pyairtable.observability.metrics.tag-value-ttl", "2s");
		// Secrets in configuration: a health check's URL (user info, path, query) and
		// headers,
		// a resource attribute, the kit's runbook links.
		properties.put("management.endpoint.health.show-details", "always");
		properties.put("pyairtable.observability.health.checks.hostile.type", "http");
		properties.put("pyairtable.observability.health.checks.hostile.url", "http://deploy:cJpgSxeUXAS43s@127.0.0.1:"
				+ closedPort
				+ "/services/TEYF3P93Q/BX890AX8BMK/MPJauS7JYi4r3aBe7J2HhdEc/ghp_xdKuB6As4XPVYvLtEy6oO5MnY2CZUpuClonN"
				+ "?api_key=AIza-3Db9zIxLFnwIO5C937kOirIsQ87Y7lCMXF");
		properties.put("pyairtable.observability.health.checks.hostile.headers.Authorization",
				"Bearer sk-proj-QWzJWLeUrBsrgIjhBXkayZxF9-IJ8y54SPqSa_TuRfdM7g2I");
		properties.put("pyairtable.observability.health.checks.hostile.critical", false);
		properties.put("pyairtable.observability.health.checks.hostile.interval", "1s");
		properties.put("management.opentelemetry.resource-attributes.deployment.token",
				"xoxb-472495192650-6859982422883-ecOHRAK1a4LuiDQW3am3Sx0x");
		for (String setting : List.of(RUNBOOK_BASE_URL, RUNBOOK_URL)) {
			properties.put(setting.substring(0, setting.indexOf('=')), setting.substring(setting.indexOf('=') + 1));
		}
		app = SampleInstance.start(properties);
	}

	@AfterAll
	static void stopSample() {
		if (app != null) {
			app.close();
		}
		if (receiver != null) {
			receiver.close();
		}
		if (sentry != null) {
			sentry.close();
		}
	}

	@Test
	@Order(1)
	void noSecretShapeLeavesByAnyPath(CapturedOutput output) throws IOException {
		AtomicInteger requests = new AtomicInteger();
		AtomicInteger refusedByClient = new AtomicInteger();
		int inProcess = 0;
		for (Secret secret : HostileSecrets.ALL) {
			for (HttpRequest request : httpInputs(secret)) {
				try {
					SampleInstance.send(request);
					requests.incrementAndGet();
				}
				catch (RuntimeException ex) {
					refusedByClient.incrementAndGet();
				}
			}
			inProcess += inProcessInputs(secret.value());
		}
		String marker = "hostile-input-end-" + System.nanoTime();
		endMarkers(marker);
		awaitOutputs(marker);

		Map<String, List<String>> paths = new LinkedHashMap<>();
		paths.put("prometheus_scrape", app.scrape().lines().toList());
		paths.put("metrics_compat_scrape", app.get("/metrics").body().lines().toList());
		paths.put("log_console_json_sync", output.getAll().lines().toList());
		paths.put("log_file_text_sync", Files.readAllLines(logs.resolve("sync-text.log")));
		paths.put("log_file_json_async", Files.readAllLines(logs.resolve("async-json.log")));
		paths.put("log_file_text_async", Files.readAllLines(logs.resolve("async-text.log")));
		paths.put("otlp_log_records", receiver.logRecordTexts());
		paths.put("exported_spans", receiver.spans().stream().map(ReceivedSpan::text).toList());
		paths.put("exported_resources_and_scopes", receiver.resourceTexts());
		paths.put("sentry_envelopes", sentry.items().stream().map((item) -> item.payload().toString()).toList());
		paths.put("health_details", List.of(app.get("/actuator/health").body(), app.get("/health/detailed").body()));
		paths.put("ops_kit_of_the_running_service",
				app.bean(OpsKitGenerator.class)
					.generate(app.bean(OpsKitSettings.class))
					.files()
					.entrySet()
					.stream()
					.map((file) -> file.getKey() + "\n" + file.getValue())
					.toList());
		// Last: another application in this JVM initializes logging again.
		paths.put("ops_kit_written_by_write_to", writtenKit());

		List<Finding> findings = new ArrayList<>();
		String s = "s14-hostile-secrets";
		Figures.record(s, "secret_shapes", HostileSecrets.ALL.size());
		Figures.record(s, "inputs_http_requests",
				requests.get() + " (" + refusedByClient.get() + " refused by the client)");
		Figures.record(s, "inputs_in_process", inProcess);
		paths.forEach((path, units) -> {
			List<Finding> found = new ArrayList<>();
			units.forEach((unit) -> SECRETS.search(path, unit, found));
			findings.addAll(found);
			Figures.record(s, path, units.size() + " searched, " + found.size() + " findings ("
					+ found.stream().map(Finding::secret).distinct().count() + " secret shapes)");
		});
		Figures.record(s, "findings_total", findings.size());
		assertThat(paths.get("exported_spans")).as("spans exported").isNotEmpty();
		assertThat(paths.get("log_file_json_async")).as("async JSON log lines").isNotEmpty();
		assertThat(findings.size()).as(HostileSecrets.report(findings)).isZero();
	}

	@Test
	@Order(2)
	void histogramSeriesStayWithinTheBudgetAndLegitimateValuesComeBackAfterTheTtl() throws InterruptedException {
		int attackers = 2000;
		int overHttp = 500;
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			for (int i = 0; i < overHttp; i++) {
				HttpRequest request = HttpRequest.newBuilder(app.uri("/api/mcp/tools/attack-tool-" + i))
					.POST(HttpRequest.BodyPublishers.noBody())
					.timeout(Duration.ofSeconds(30))
					.build();
				pool.execute(() -> SampleInstance.send(request));
			}
		}
		finally {
			pool.shutdown();
			assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
		}
		McpMetrics mcp = app.bean(McpMetrics.class);
		for (int i = overHttp; i < attackers; i++) {
			mcp.recordToolExecution("attack-tool-" + i, "success", Duration.ofMillis(3));
		}
		LlmMetrics llm = app.bean(LlmMetrics.class);
		for (int i = 0; i < attackers; i++) {
			llm.recordCall(LlmCall.builder("openai-compatible", "attack-model-" + i)
				.inputTokens(10)
				.outputTokens(5)
				.duration(Duration.ofMillis(15))
				.build());
		}
		String scrape = app.scrape();
		long mcpBuckets = series(scrape, "mcp_tool_duration_seconds_bucket");
		long llmBuckets = series(scrape, "llm_request_duration_seconds_bucket");

		// A legitimate tool and model, used after the burst: recorded under their own
		// names
		// once the attackers' values are released (tag-value-ttl 2s).
		long legitimateStart = System.nanoTime();
		boolean legitimateBack;
		try {
			await().atMost(Duration.ofSeconds(12)).pollInterval(Duration.ofMillis(500)).until(() -> {
				SampleInstance.send(HttpRequest.newBuilder(app.uri("/api/mcp/tools/records.search"))
					.POST(HttpRequest.BodyPublishers.noBody())
					.timeout(Duration.ofSeconds(30))
					.build());
				llm.recordCall(LlmCall.builder("openai-compatible", "gemini-2.5-pro")
					.inputTokens(10)
					.outputTokens(5)
					.duration(Duration.ofMillis(15))
					.build());
				String now = app
					.get("/actuator/prometheus?includedNames="
							+ "mcp_tool_executions,mcp_tool_executions_total,llm_requests,llm_requests_total")
					.body();
				return now.contains("tool=\"records.search\"") && now.contains("model=\"gemini-2.5-pro\"");
			});
			legitimateBack = true;
		}
		catch (org.awaitility.core.ConditionTimeoutException ex) {
			legitimateBack = false;
		}
		long legitimateMillis = (System.nanoTime() - legitimateStart) / 1_000_000;

		String s = "s14-histogram-attack";
		Figures.record(s, "distinct_tools_sent",
				attackers + " (" + overHttp + " over HTTP, the rest through McpMetrics)");
		Figures.record(s, "distinct_models_sent", attackers + " (LlmMetrics)");
		Figures.record(s, "mcp_tool_duration_seconds_bucket_series", mcpBuckets + " (budget " + SERIES_BUDGET + ")");
		Figures.record(s, "llm_request_duration_seconds_bucket_series", llmBuckets + " (budget " + SERIES_BUDGET + ")");
		Figures.record(s, "scrape_bytes", scrape.length());
		Figures.record(s, "legitimate_values_recorded_again", legitimateBack ? "yes, after " + legitimateMillis + "ms"
				: "no, still folded after " + legitimateMillis + "ms");
		assertThat(mcpBuckets).as("mcp_tool_duration_seconds_bucket series").isLessThanOrEqualTo(SERIES_BUDGET);
		assertThat(llmBuckets).as("llm_request_duration_seconds_bucket series").isLessThanOrEqualTo(SERIES_BUDGET);
		assertThat(legitimateBack)
			.as("tool 'records.search' and model 'gemini-2.5-pro' under their own names after the TTL")
			.isTrue();
	}

	@Test
	@Order(3)
	void declaredContentLengthIsNotRecordedAsBytesRead() {
		String route = "uri=\"/api/mcp/tools/{tool}\"";
		String before = app.scrape();
		double countBefore = Scrape.sum(before, "http_server_request_size_bytes_count", route);
		double sumBefore = Scrape.sum(before, "http_server_request_size_bytes_sum", route);
		byte[] body = "{\"lie\":true}".getBytes(StandardCharsets.US_ASCII);
		String status = rawPostWithLyingLength(app.port(), "/api/mcp/tools/content-length-probe", body);
		String after = app.scrape();
		double counted = Scrape.sum(after, "http_server_request_size_bytes_count", route) - countBefore;
		double recorded = Scrape.sum(after, "http_server_request_size_bytes_sum", route) - sumBefore;
		double max = Scrape.sum(after, "http_server_request_size_bytes_max", route);

		String s = "s14-content-length-lie";
		Figures.record(s, "declared_content_length", "999999999999");
		Figures.record(s, "body_bytes_sent", body.length);
		Figures.record(s, "answer", status);
		Figures.record(s, "request_size_recorded", String.format(java.util.Locale.ROOT, "%.0f", recorded));
		Figures.record(s, "request_size_max", String.format(java.util.Locale.ROOT, "%.0f", max));
		assertThat(status).as("the application answered the request").matches("HTTP/1.1 [25]\\d\\d.*");
		assertThat(counted).as("requests counted").isEqualTo(1);
		assertThat(recorded).as("bytes recorded for the request").isLessThanOrEqualTo(body.length);
		assertThat(max).as("largest request recorded on the route").isLessThanOrEqualTo(body.length);
	}

	@Test
	@Order(4)
	void forgedSampledTraceparentsAreExportedNoFasterThanTheCap() {
		try (OtlpCollector storm = new OtlpCollector()) {
			Map<String, Object> properties = new LinkedHashMap<>();
			properties.put("pyairtable.observability.tracing.export.endpoint", storm.endpoint());
			properties.put("management.opentelemetry.tracing.export.schedule-delay", "1s");
			properties.put("pyairtable.observability.tracing.sampling.ratio", 0.1);
			properties.put("pyairtable.observability.tracing.sampling.max-traces-per-second", TRACES_PER_SECOND);
			// No request of the storm may count as slow on a busy machine: the tail step
			// keeps those.
			properties.put("pyairtable.observability.tracing.sampling.slow-threshold", "30s");
			// remote-parent left unset: its default (cap) is what the scenario proves.
			try (SampleInstance sample = SampleInstance.start(properties)) {
				Set<String> forged = ConcurrentHashMap.newKeySet();
				long start = System.nanoTime();
				Load.Result result = Load.steady(Duration.ofSeconds(3), 60, (n) -> {
					String traceId = randomHex(16);
					forged.add(traceId);
					return HttpRequest.newBuilder(sample.uri("/api/records"))
						.header("traceparent", "00-" + traceId + "-" + randomHex(8) + "-01")
						.timeout(Duration.ofSeconds(30))
						.build();
				});
				double seconds = (System.nanoTime() - start) / 1e9;
				flush(sample.context());
				List<ReceivedSpan> exported = storm.spans()
					.stream()
					.filter((span) -> forged.contains(span.traceId()))
					.toList();
				long traces = exported.stream().map(ReceivedSpan::traceId).distinct().count();
				Map<Long, Long> perSecond = new java.util.TreeMap<>();
				exported.stream()
					.filter((span) -> span.name().startsWith("http "))
					.forEach((span) -> perSecond.merge(span.startNanos() / 1_000_000_000L, 1L, Long::sum));
				String scrape = sample.scrape();
				double parentCapped = Scrape.sum(scrape, "tracing_sampling_decisions_total", "decision=\"dropped\"",
						"reason=\"parent_capped\"");
				String decisions = scrape.lines()
					.filter((line) -> line.startsWith("tracing_sampling_decisions_total{"))
					.map((line) -> line.replaceAll(".*decision=\"([a-z_]+)\".*reason=\"([a-z_]+)\".* ([0-9.E]+)$",
							"$1/$2=$3"))
					.sorted()
					.toList()
					.toString();
				// The cap for the whole storm, one second's burst, and 2 for rounding.
				long bound = (long) Math.ceil(seconds) * TRACES_PER_SECOND + TRACES_PER_SECOND + 2;

				String s = "s14-traceparent-storm";
				Figures.record(s, "forged_sampled_requests",
						result.count() + " in " + String.format(java.util.Locale.ROOT, "%.1fs", seconds) + " (failed "
								+ result.failures() + ")");
				Figures.record(s, "cap", TRACES_PER_SECOND + "/s, ratio 0.1, remote-parent default");
				Figures.record(s, "forged_traces_exported", traces + " (bound " + bound + ")");
				Figures.record(s, "server_spans_exported_per_second", perSecond.values());
				Figures.record(s, "sampling_decisions", decisions);
				assertThat(result.failures()).as("%s", result.failureDetails()).isZero();
				assertThat(traces).as("forged traces exported").isPositive().isLessThanOrEqualTo(bound);
				assertThat(parentCapped).as("decisions dropped with reason parent_capped").isPositive();
			}
		}
	}

	@Test
	@Order(5)
	void kitWriterRefusesASymlinkedTargetNamingIt() throws IOException {
		Path real = Files.createDirectories(temp.resolve("kit-real-directory"));
		Path link = Files.createSymbolicLink(temp.resolve("kit-symlink"), real);
		Throwable failure = KitWriterRuns.write(link);
		List<Path> writtenThroughLink = KitWriterRuns.files(real);

		String s = "s14-kit-writer";
		Figures.record(s, "symlinked_target",
				KitWriterRuns.outcome(failure) + ", " + writtenThroughLink.size() + " files written through the link");
		assertThat(writtenThroughLink).as("files written through the symlink").isEmpty();
		assertThat(failure).as("writing into a symlinked target").isNotNull();
		assertThat(KitWriterRuns.messages(failure)).as("the refusal names the symlink").contains("kit-symlink");
	}

	@Test
	@Order(6)
	void kitWriterRefusesANonEmptyTargetWithoutOverwrite() throws IOException {
		Path project = Files.createDirectories(temp.resolve("project"));
		Files.writeString(project.resolve("README.md"), "# Our own project\n");
		Files.writeString(project.resolve("docker-compose.yml"), "services: {}\n");
		Throwable failure = KitWriterRuns.write(project);
		String readme = Files.readString(project.resolve("README.md"));
		String compose = Files.readString(project.resolve("docker-compose.yml"));

		String s = "s14-kit-writer";
		boolean kept = readme.equals("# Our own project\n") && compose.equals("services: {}\n");
		Figures.record(s, "non_empty_target_without_overwrite", KitWriterRuns.outcome(failure)
				+ ", project's README.md and docker-compose.yml " + (kept ? "kept" : "overwritten"));
		assertThat(kept).as("the project's own README.md and docker-compose.yml are kept").isTrue();
		assertThat(failure).as("writing into a non-empty target without overwrite").isNotNull();
	}

	@Test
	@Order(7)
	void kitWriterNeverFollowsASymlinkInsideTheTarget() throws IOException {
		Path victim = Files.writeString(temp.resolve("victim.yml"), "victim: untouched\n");
		Path target = Files.createDirectories(temp.resolve("kit-with-link"));
		Files.createSymbolicLink(target.resolve("docker-compose.yml"), victim);
		Throwable failure = KitWriterRuns.write(target, "--pyairtable.observability.ops-kit.overwrite=true");
		String content = Files.readString(victim);

		String s = "s14-kit-writer";
		boolean untouched = content.equals("victim: untouched\n");
		Figures.record(s, "symlink_inside_target_with_overwrite",
				KitWriterRuns.outcome(failure) + ", file behind the link " + (untouched ? "untouched" : "overwritten"));
		assertThat(untouched).as("the file behind docker-compose.yml -> %s is untouched", victim).isTrue();
	}

	@Test
	@Order(8)
	void kitWriterKeepsEveryPathInsideTheTargetAndLocksTheSecretsDirectory() throws IOException {
		Path base = Files.createDirectories(temp.resolve("escape"));
		Files.writeString(base.resolve("neighbour.txt"), "neighbour\n");
		Path target = base.resolve("a/b/kit");
		List<Path> before = KitWriterRuns.files(base);
		Throwable failure = KitWriterRuns.write(target,
				"--pyairtable.observability.service.name=../../../escaped-service");
		List<Path> outside = KitWriterRuns.files(base)
			.stream()
			.filter((path) -> !path.startsWith(target) && !target.startsWith(path) && !before.contains(path))
			.toList();
		Path secrets = target.resolve("secrets");
		String secretsMode = Files.isDirectory(secrets) ? KitWriterRuns.mode(secrets) : "missing";
		List<String> secretFiles = Files.isDirectory(secrets) ? KitWriterRuns.files(secrets)
			.stream()
			.filter(Files::isRegularFile)
			.map((file) -> secrets.relativize(file) + " " + KitWriterRuns.mode(file))
			.toList() : List.of();

		String s = "s14-kit-writer";
		Figures.record(s, "escape_via_service_name",
				KitWriterRuns.outcome(failure) + ", " + outside.size() + " paths written outside the target");
		Figures.record(s, "secrets_directory_mode", secretsMode + " (want rwx------)");
		Figures.record(s, "secrets_files", secretFiles);
		assertThat(outside).as("paths written outside the target").isEmpty();
		assertThat(failure).as("writing the kit with a '../' service name").isNull();
		assertThat(secretsMode).as("mode of secrets/").isEqualTo("rwx------");
		assertThat(secretFiles).as("files in secrets/").allSatisfy((file) -> assertThat(file).endsWith(" rw-------"));
	}

	/** Each secret through each HTTP input of the sample. */
	private static List<HttpRequest> httpInputs(Secret secret) {
		String value = secret.value();
		String line = secret.singleLine();
		String encoded = URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
		List<HttpRequest> requests = new ArrayList<>();
		requests.add(get("/api/records?q=" + encoded).build());
		// Spring MVC echoes a value it cannot convert in a WARN.
		requests.add(get("/api/diagnostics/slow?delay=" + encoded).build());
		requests.add(get("/api/records/" + encoded).build());
		requests.add(get("/api/records").header("Authorization", line).build());
		requests.add(get("/api/records").header("X-API-Key", line).build());
		requests.add(get("/api/records").header("Cookie", line).build());
		requests.add(get("/api/records").header("X-Request-ID", line).build());
		requests.add(post("/api/records", "{\"name\":" + json(value) + "}"));
		// Not JSON: the parser's error quotes the token.
		requests.add(post("/api/records", "{\"name\": " + line + "}"));
		requests.add(post("/api/chat", "{\"model\":" + json(value) + "}"));
		requests.add(post("/api/mcp/tools/" + encoded, null));
		return requests;
	}

	/**
	 * Each secret through the starter's Java API, spans and logs in process; returns the
	 * count.
	 */
	private static int inProcessInputs(String value) {
		int inputs = 0;
		McpMetrics mcp = app.bean(McpMetrics.class);
		try {
			mcp.executeTool(value, () -> 1L);
			mcp.executeTool(value, () -> {
				throw new IllegalStateException("tool " + value + " failed");
			});
		}
		catch (Exception ex) {
			// The failing tool, as planned.
		}
		inputs += 2;
		app.bean(LlmMetrics.class)
			.recordCall(LlmCall.builder("openai-compatible", value)
				.inputTokens(100)
				.outputTokens(20)
				.duration(Duration.ofMillis(30))
				.build());
		inputs++;
		ConfigurableApplicationContext context = app.context();
		QueueMetrics queues = context.getBeanProvider(QueueMetrics.class).getIfAvailable();
		if (queues != null) {
			queues.recordSuccess(value, "publish");
			queues.recordError(value, "consume");
			queues.registerDepth(value, () -> 3);
			inputs += 3;
		}
		CacheManager caches = context.getBeanProvider(CacheManager.class).getIfAvailable();
		Cache cache = (caches != null) ? caches.getCache(value) : null;
		if (cache != null) {
			cache.put("key", "value");
			cache.get("key");
			cache.get("missing");
			inputs++;
		}
		CacheMetrics cacheMetrics = context.getBeanProvider(CacheMetrics.class).getIfAvailable();
		if (cacheMetrics != null) {
			cacheMetrics.record(value, "get", "hit", 1_000_000L);
			inputs++;
		}
		Tracer tracer = app.bean(OpenTelemetry.class).getTracer("hostile-input");
		SpanContext linked = SpanContext.create(randomHex(16), randomHex(8), TraceFlags.getSampled(),
				TraceState.getDefault());
		Span span = tracer.spanBuilder("call upstream " + value)
			.setNoParent()
			.addLink(linked, Attributes.of(AttributeKey.stringKey("link.credential"), value))
			.startSpan();
		try (Scope scope = span.makeCurrent()) {
			span.setAttribute("http.request.header.authorization", value);
			span.setAttribute(AttributeKey.stringArrayKey("hostile.values"), List.of("plain", value));
			span.addEvent("upstream answered", Attributes.of(AttributeKey.stringKey("response.body"), value));
			span.recordException(new IllegalStateException("upstream refused " + value));
			span.setStatus(StatusCode.ERROR, "failed with " + value);
			BusinessContext.tenant(value);
			BusinessContext.costCenter(value);
			BusinessContext.feature(value);
			log.warn("Upstream call failed for {}", value);
			log.atInfo().addKeyValue("credential", value).log("Retrying upstream");
			MDC.put("upstream_auth", value);
			log.info("Calling upstream again");
			MDC.remove("upstream_auth");
			log.warn(value);
			log.error("Upstream error",
					new IllegalStateException("upstream said " + value, new RuntimeException("cause " + value)));
			inputs += 16;
			// Sentry, as application code reports to it: breadcrumbs, tags, extras,
			// contexts, a
			// message with parameters and an exception.
			Sentry.addBreadcrumb(Breadcrumb.info("calling upstream with " + value));
			Sentry.withScope((sentryScope) -> {
				sentryScope.setTag("upstream.credential", value);
				sentryScope.setExtra("upstream.request", value);
				sentryScope.setContexts("upstream", Map.of("authorization", value));
				Message message = new Message();
				message.setFormatted("Upstream refused " + value);
				message.setMessage("Upstream refused %s");
				message.setParams(List.of(value));
				SentryEvent event = new SentryEvent();
				event.setMessage(message);
				Sentry.captureEvent(event);
				Sentry.captureException(new IllegalStateException("upstream said " + value));
			});
			inputs += 7;
		}
		finally {
			BusinessContext.clear();
			span.end();
		}
		return inputs;
	}

	/**
	 * Last log line and last span, so that every output can be awaited until it holds
	 * them.
	 */
	private static void endMarkers(String marker) {
		log.info(marker);
		Sentry.captureMessage(marker);
		Span span = app.bean(OpenTelemetry.class)
			.getTracer("hostile-input")
			.spanBuilder(marker)
			.setNoParent()
			.startSpan();
		span.end();
	}

	private static void awaitOutputs(String marker) {
		flush(app.context());
		await().atMost(Duration.ofSeconds(30))
			.until(() -> receiver.spans().stream().anyMatch((span) -> span.name().equals(marker)));
		await().atMost(Duration.ofSeconds(30))
			.until(() -> Stream.of("sync-text.log", "async-json.log", "async-text.log")
				.allMatch((file) -> contains(logs.resolve(file), marker)));
		await().atMost(Duration.ofSeconds(30)).until(() -> app.get("/actuator/health").body().contains("\"hostile\""));
		Sentry.flush(10_000);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> sentry.items().stream().anyMatch((item) -> item.payload().toString().contains(marker)));
		// OTLP log records, when the starter exports them: given a moment after the
		// flush.
		try {
			await().atMost(Duration.ofSeconds(5))
				.until(() -> receiver.logRecordTexts().stream().anyMatch((record) -> record.contains(marker)));
		}
		catch (org.awaitility.core.ConditionTimeoutException ex) {
			Figures.record("s14-hostile-secrets", "otlp_log_marker_received", false);
		}
	}

	private static void flush(ConfigurableApplicationContext context) {
		context.getBeanProvider(SdkTracerProvider.class)
			.ifAvailable((provider) -> provider.forceFlush().join(10, TimeUnit.SECONDS));
		context.getBeanProvider(SdkLoggerProvider.class)
			.ifAvailable((provider) -> provider.forceFlush().join(10, TimeUnit.SECONDS));
	}

	private static boolean contains(Path file, String text) {
		try {
			return Files.exists(file) && Files.readString(file).contains(text);
		}
		catch (IOException ex) {
			return false;
		}
	}

	/**
	 * The kit written by {@code write-to} with the service's secret-bearing settings into
	 * a fresh directory; one unit per file, whatever files the writer adds.
	 */
	private static List<String> writtenKit() throws IOException {
		Path directory = temp.resolve("kit-with-secret-settings");
		Throwable failure = KitWriterRuns.write(directory, "--" + RUNBOOK_BASE_URL, "--" + RUNBOOK_URL);
		assertThat(failure).as("writing the kit: %s", KitWriterRuns.messages(failure)).isNull();
		List<String> files = new ArrayList<>();
		for (Path file : KitWriterRuns.files(directory)) {
			if (Files.isRegularFile(file)) {
				files.add(directory.relativize(file) + "\n" + Files.readString(file));
			}
		}
		return files;
	}

	private static long series(String scrape, String name) {
		return scrape.lines().filter((line) -> line.startsWith(name + "{")).count();
	}

	private static HttpRequest.Builder get(String path) {
		return HttpRequest.newBuilder(app.uri(path)).timeout(Duration.ofSeconds(30));
	}

	private static HttpRequest post(String path, String json) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(app.uri(path)).timeout(Duration.ofSeconds(30));
		if (json == null) {
			return builder.POST(HttpRequest.BodyPublishers.noBody()).build();
		}
		return builder.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build();
	}

	private static String json(String value) {
		StringBuilder quoted = new StringBuilder("\"");
		for (char c : value.toCharArray()) {
			switch (c) {
				case '"' -> quoted.append("\\\"");
				case '\\' -> quoted.append("\\\\");
				case '\n' -> quoted.append("\\n");
				case '\r' -> quoted.append("\\r");
				default -> quoted.append(c);
			}
		}
		return quoted.append('"').toString();
	}

	private static String randomHex(int bytes) {
		byte[] id = new byte[bytes];
		ThreadLocalRandom.current().nextBytes(id);
		id[0] |= 1;
		return HexFormat.of().formatHex(id);
	}

	/**
	 * A POST declaring a body of 999,999,999,999 bytes that sends a few and ends its side
	 * of the connection; returns the status line.
	 */
	private static String rawPostWithLyingLength(int port, String path, byte[] body) {
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
			socket.setSoTimeout(15_000);
			OutputStream out = socket.getOutputStream();
			out.write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
					+ "Content-Type: application/json\r\nContent-Length: 999999999999\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			out.write(body);
			out.flush();
			socket.shutdownOutput();
			InputStream in = socket.getInputStream();
			String response = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
			return response.lines().findFirst().orElse("(no answer)");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
