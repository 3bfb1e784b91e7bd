package com.example.minimal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spans leave over OTLP/HTTP with nothing but the starter: its sender is the JDK's
 * {@code HttpClient} (no OkHttp on the classpath, StarterDependenciesTests), found by the
 * exporter through ServiceLoader.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class OtlpExportTests {

	private static final BlockingQueue<String> RECEIVED = new LinkedBlockingQueue<>();

	private static final HttpServer COLLECTOR = collector();

	@Autowired
	private Environment environment;

	@DynamicPropertySource
	static void exportToTheCollector(DynamicPropertyRegistry registry) {
		registry.add("pyairtable.observability.tracing.export.endpoint",
				() -> "http://127.0.0.1:" + COLLECTOR.getAddress().getPort());
	}

	@AfterAll
	static void stopCollector() {
		COLLECTOR.stop(0);
	}

	@Test
	void aRequestsSpanReachesTheCollectorOverHttp() throws Exception {
		int port = this.environment.getRequiredProperty("local.server.port", Integer.class);
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/orders"))
				.timeout(Duration.ofSeconds(10))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		String export = RECEIVED.poll(30, TimeUnit.SECONDS);
		assertThat(export).as("an OTLP export within 30 s").isEqualTo("POST /v1/traces application/x-protobuf");
	}

	private static HttpServer collector() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			server.createContext("/", (exchange) -> {
				exchange.getRequestBody().readAllBytes();
				RECEIVED.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " "
						+ exchange.getRequestHeaders().getFirst("Content-Type"));
				exchange.sendResponseHeaders(200, -1);
				exchange.close();
			});
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
