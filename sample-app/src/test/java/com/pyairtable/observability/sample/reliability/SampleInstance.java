package com.pyairtable.observability.sample.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.pyairtable.observability.sample.SampleApplication;
import com.pyairtable.observability.testsupport.LoopbackHttp;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The sample service started in this JVM on a free loopback port, as the reliability
 * scenarios drive it: its own traffic generator off so that every request is the
 * scenario's, its own in-memory database.
 */
final class SampleInstance implements AutoCloseable {

	private static final AtomicInteger DATABASES = new AtomicInteger();

	private final ConfigurableApplicationContext context;

	private final int port;

	private long closeMillis = -1;

	private SampleInstance(ConfigurableApplicationContext context, int port) {
		this.context = context;
		this.port = port;
	}

	static SampleInstance start(Map<String, Object> properties) {
		return start(properties, Map.of());
	}

	/**
	 * Starts the sample with extra environment variables, added to the application's
	 * environment as a system-environment property source (this JVM's own variables
	 * cannot be changed).
	 */
	static SampleInstance start(Map<String, Object> properties, Map<String, Object> environmentVariables) {
		int port = freePort();
		Map<String, Object> all = new LinkedHashMap<>();
		all.put("server.port", port);
		all.put("server.address", "127.0.0.1");
		all.put("sample.traffic.enabled", false);
		all.put("spring.main.banner-mode", "off");
		all.put("spring.jmx.enabled", false);
		// The sample waits for Airtable's budget of 5 calls a second per base; at the
		// scenarios'
		// rates that wait, not telemetry, would make the latency.
		all.put("pyairtable.observability.metrics.airtable.rate-limit.enabled", false);
		all.put("spring.datasource.url",
				"jdbc:h2:mem:reliability" + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1");
		all.putAll(properties);
		// As arguments, so that they win over the sample's application.yml.
		String[] arguments = all.entrySet()
			.stream()
			.map((entry) -> "--" + entry.getKey() + "=" + entry.getValue())
			.toArray(String[]::new);
		org.springframework.core.env.StandardEnvironment environment = new org.springframework.core.env.StandardEnvironment();
		if (!environmentVariables.isEmpty()) {
			environment.getPropertySources()
				.addAfter(org.springframework.core.env.StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
						new org.springframework.core.env.SystemEnvironmentPropertySource("reliabilityEnvironment",
								environmentVariables));
		}
		ConfigurableApplicationContext context = new SpringApplicationBuilder(SampleApplication.class)
			.environment(environmentVariables.isEmpty() ? null : environment)
			.run(arguments);
		return new SampleInstance(context, port);
	}

	static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Used heap after full collections, in bytes (this JVM holds the application). */
	static long heapAfterGc() {
		long used = Long.MAX_VALUE;
		for (int i = 0; i < 3; i++) {
			System.gc();
			used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
		}
		return used;
	}

	ConfigurableApplicationContext context() {
		return this.context;
	}

	<T> T bean(Class<T> type) {
		return this.context.getBean(type);
	}

	int port() {
		return this.port;
	}

	URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	HttpResponse<String> get(String path) {
		return send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).build());
	}

	String scrape() {
		HttpResponse<String> response = get("/actuator/prometheus");
		if (response.statusCode() != 200) {
			throw new IllegalStateException("scrape answered " + response.statusCode());
		}
		return response.body();
	}

	static HttpResponse<String> send(HttpRequest request) {
		return LoopbackHttp.send(request);
	}

	/** Closes the application, timing it. */
	long closeTimed() {
		long start = System.nanoTime();
		this.context.close();
		this.closeMillis = (System.nanoTime() - start) / 1_000_000;
		return this.closeMillis;
	}

	@Override
	public void close() {
		if (this.context.isActive()) {
			this.context.close();
		}
	}

}
