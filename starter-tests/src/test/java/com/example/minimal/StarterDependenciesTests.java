package com.example.minimal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a servlet service without a database, Redis, broker or Sentry gets at runtime once
 * it adds the starter, read from the list the build resolves for this module
 * ({@code maven-dependency-plugin:list}, runtime scope, before the tests run). Every
 * integration is the service's own choice (docs/integrations.md): a library every service
 * would not use stays out of the starter.
 */
class StarterDependenciesTests {

	private static final Path LIST = Path.of("target", "runtime-dependencies.txt");

	/** {@code spring-boot-starter-webmvc}: what the service has before the starter. */
	private static final Set<String> WEB_SERVICE = Set.of("ch.qos.logback:logback-classic",
			"ch.qos.logback:logback-core", "com.fasterxml.jackson.core:jackson-annotations",
			"commons-logging:commons-logging", "io.micrometer:micrometer-commons",
			"io.micrometer:micrometer-observation", "jakarta.annotation:jakarta.annotation-api",
			"org.apache.logging.log4j:log4j-api", "org.apache.logging.log4j:log4j-to-slf4j",
			"org.apache.tomcat.embed:tomcat-embed-core", "org.apache.tomcat.embed:tomcat-embed-el",
			"org.apache.tomcat.embed:tomcat-embed-websocket", "org.jspecify:jspecify", "org.slf4j:jul-to-slf4j",
			"org.slf4j:slf4j-api", "org.springframework.boot:spring-boot",
			"org.springframework.boot:spring-boot-autoconfigure", "org.springframework.boot:spring-boot-http-converter",
			"org.springframework.boot:spring-boot-jackson", "org.springframework.boot:spring-boot-servlet",
			"org.springframework.boot:spring-boot-starter", "org.springframework.boot:spring-boot-starter-jackson",
			"org.springframework.boot:spring-boot-starter-logging",
			"org.springframework.boot:spring-boot-starter-tomcat",
			"org.springframework.boot:spring-boot-starter-tomcat-runtime",
			"org.springframework.boot:spring-boot-starter-webmvc", "org.springframework.boot:spring-boot-tomcat",
			"org.springframework.boot:spring-boot-web-server", "org.springframework.boot:spring-boot-webmvc",
			"org.springframework:spring-aop", "org.springframework:spring-beans", "org.springframework:spring-context",
			"org.springframework:spring-core", "org.springframework:spring-expression",
			"org.springframework:spring-web", "org.springframework:spring-webmvc", "org.yaml:snakeyaml",
			"tools.jackson.core:jackson-core", "tools.jackson.core:jackson-databind");

	/** Actuator and the Prometheus registry: variant (b) of the load benchmark. */
	private static final Set<String> ACTUATOR_AND_PROMETHEUS = Set.of("io.micrometer:micrometer-core",
			"io.micrometer:micrometer-jakarta9", "io.micrometer:micrometer-registry-prometheus",
			"io.prometheus:prometheus-metrics-config", "io.prometheus:prometheus-metrics-core",
			"io.prometheus:prometheus-metrics-exposition-formats",
			"io.prometheus:prometheus-metrics-exposition-textformats", "io.prometheus:prometheus-metrics-model",
			"io.prometheus:prometheus-metrics-tracer-common", "org.hdrhistogram:HdrHistogram",
			"org.springframework.boot:spring-boot-actuator",
			"org.springframework.boot:spring-boot-actuator-autoconfigure",
			"org.springframework.boot:spring-boot-health", "org.springframework.boot:spring-boot-micrometer-metrics",
			"org.springframework.boot:spring-boot-micrometer-observation",
			"org.springframework.boot:spring-boot-starter-actuator",
			"org.springframework.boot:spring-boot-starter-micrometer-metrics");

	/**
	 * What the starter adds to (b): its code, Boot's OpenTelemetry tracing and the OTLP
	 * exporter.
	 */
	private static final Set<String> STARTER = Set.of(
			"com.pyairtable.observability:pyairtable-observability-spring-boot-autoconfigure",
			"com.pyairtable.observability:pyairtable-observability-spring-boot-starter",
			"io.micrometer:context-propagation", "io.micrometer:micrometer-tracing",
			"io.micrometer:micrometer-tracing-bridge-otel", "io.opentelemetry.semconv:opentelemetry-semconv",
			"io.opentelemetry:opentelemetry-api", "io.opentelemetry:opentelemetry-common",
			"io.opentelemetry:opentelemetry-context", "io.opentelemetry:opentelemetry-exporter-common",
			"io.opentelemetry:opentelemetry-exporter-otlp", "io.opentelemetry:opentelemetry-exporter-otlp-common",
			"io.opentelemetry:opentelemetry-exporter-sender-jdk",
			"io.opentelemetry:opentelemetry-extension-trace-propagators", "io.opentelemetry:opentelemetry-sdk",
			"io.opentelemetry:opentelemetry-sdk-common",
			// The OTLP exporter builders throw its ConfigurationException: not optional.
			"io.opentelemetry:opentelemetry-sdk-extension-autoconfigure-spi", "io.opentelemetry:opentelemetry-sdk-logs",
			"io.opentelemetry:opentelemetry-sdk-metrics", "io.opentelemetry:opentelemetry-sdk-trace",
			"org.springframework.boot:spring-boot-micrometer-tracing",
			"org.springframework.boot:spring-boot-micrometer-tracing-opentelemetry",
			"org.springframework.boot:spring-boot-opentelemetry");

	/**
	 * Machinery a service without a database, Kotlin, reactive code or {@code @Observed}
	 * never needs.
	 */
	private static final List<Pattern> NEVER = List.of(Pattern.compile("org\\.springframework:spring-(jdbc|tx)"),
			Pattern.compile("org\\.springframework\\.boot:spring-boot-(jdbc|sql|transaction|persistence)"),
			Pattern.compile("org\\.jetbrains\\.kotlin:.*"), Pattern.compile("io\\.projectreactor:.*"),
			Pattern.compile("org\\.aspectj:.*"), Pattern.compile("com\\.squareup\\.(okhttp3|okio):.*"));

	@Test
	void everyRuntimeDependencyIsOnTheAllowedList() throws IOException {
		Set<String> allowed = new TreeSet<>(WEB_SERVICE);
		allowed.addAll(ACTUATOR_AND_PROMETHEUS);
		allowed.addAll(STARTER);
		Set<String> resolved = resolved();
		assertThat(resolved).as("runtime dependencies listed in " + LIST).isNotEmpty();
		for (String artifact : resolved) {
			assertThat(allowed)
				.as("%s is on the starter's runtime classpath but not on the allowed list. Make it "
						+ "an optional dependency that the service adds (docs/integrations.md); add it to the list "
						+ "in StarterDependenciesTests only if every service needs it", artifact)
				.contains(artifact);
		}
	}

	@Test
	void noJdbcKotlinReactorOrAspectJ() throws IOException {
		for (String artifact : resolved()) {
			for (Pattern never : NEVER) {
				assertThat(never.matcher(artifact).matches())
					.as("%s: a service without a database, Kotlin, Reactor or @Observed gets none of it", artifact)
					.isFalse();
			}
		}
	}

	/**
	 * {@code groupId:artifactId} of each line of the list
	 * ({@code g:a:jar:v:scope -- module m}).
	 */
	private static Set<String> resolved() throws IOException {
		Pattern line = Pattern.compile("^\\s+([^:\\s]+):([^:\\s]+):.*$");
		Set<String> resolved = new TreeSet<>();
		for (String text : Files.readAllLines(LIST)) {
			Matcher matcher = line.matcher(text);
			if (matcher.matches()) {
				resolved.add(matcher.group(1) + ":" + matcher.group(2));
			}
		}
		return resolved;
	}

}
