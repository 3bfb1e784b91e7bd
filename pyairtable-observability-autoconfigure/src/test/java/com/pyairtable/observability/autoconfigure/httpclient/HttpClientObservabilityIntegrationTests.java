package com.pyairtable.observability.autoconfigure.httpclient;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import com.pyairtable.observability.testsupport.TestWebApp;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.restclient.RestTemplateBuilder;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Clients built from Boot's {@code RestClient.Builder}, {@code RestTemplateBuilder} and
 * {@code WebClient.Builder} calling a real HTTP server on loopback all show in
 * {@code http_client_requests_seconds}; hosts beyond the cap fold into {@code other}.
 */
class HttpClientObservabilityIntegrationTests {

	private static HttpServer server;

	private static TestWebApp app;

	@BeforeAll
	static void start() throws IOException {
		server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		server.createContext("/", (exchange) -> {
			int status = exchange.getRequestURI().getPath().endsWith("/fail") ? 503 : 200;
			byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(status, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		server.start();
		// Two distinct hosts per metric: 127.0.0.1 and localhost are admitted, the third
		// folds.
		app = TestWebApp.startTraced(App.class, "pyairtable.observability.metrics.max-tag-values=2",
				"spring.autoconfigure.exclude="
						+ "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration");
	}

	@AfterAll
	static void stop() {
		if (app != null) {
			app.close();
		}
		if (server != null) {
			server.stop(0);
		}
	}

	@Test
	void everyClientBuiltFromBootsBuildersIsRecorded() {
		String base = "http://127.0.0.1:" + server.getAddress().getPort();
		for (String client : new String[] { "rest-client", "rest-template", "web-client" }) {
			assertThat(app.get("/call/" + client + "?base=" + base + "&path=ok").statusCode()).isEqualTo(200);
			assertThat(app.sample("http_client_requests_seconds_count", "client_name=\"127.0.0.1\"",
					"uri=\"/" + client + "/{path}\"", "status=\"200\""))
				.as(client)
				.isGreaterThanOrEqualTo(1);
		}
		assertThat(app.get("/call/rest-client?base=" + base + "&path=fail").statusCode()).isEqualTo(200);
		assertThat(app.sample("http_client_requests_seconds_count", "client_name=\"127.0.0.1\"", "status=\"503\""))
			.isGreaterThanOrEqualTo(1);
	}

	@Test
	void clientNameIsBoundedByTheCardinalityGuard() {
		int port = server.getAddress().getPort();
		for (String host : new String[] { "127.0.0.1", "localhost", "127.0.0.1.nip.invalid", "[::1]" }) {
			app.get("/call/rest-client?base=http://" + host + ":" + port + "&path=ok");
		}
		assertThat(app.scrape()).filteredOn((line) -> line.startsWith("http_client_requests_seconds_count{"))
			.extracting((line) -> line.replaceAll(".*client_name=\"([^\"]*)\".*", "$1"))
			.doesNotContain("127.0.0.1.nip.invalid", "[::1]", "::1")
			.contains("other");
		assertThat(app.sample("observability_tag_overflow_total", "metric=\"http.client.requests\"",
				"tag=\"client.name\""))
			.isGreaterThanOrEqualTo(1);
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@RestController
	static class App {

		private final RestClient.Builder restClient;

		private final RestTemplateBuilder restTemplate;

		private final WebClient.Builder webClient;

		App(RestClient.Builder restClient, RestTemplateBuilder restTemplate, WebClient.Builder webClient) {
			this.restClient = restClient;
			this.restTemplate = restTemplate;
			this.webClient = webClient;
		}

		@GetMapping("/call/rest-client")
		String restClient(@RequestParam String base, @RequestParam String path) {
			try {
				return this.restClient.baseUrl(base)
					.build()
					.get()
					.uri("/rest-client/{path}", path)
					.retrieve()
					.body(String.class);
			}
			catch (RuntimeException ex) {
				// The outcome is what is recorded; the caller of this test endpoint needs
				// no error.
				return ex.getClass().getSimpleName();
			}
		}

		@GetMapping("/call/rest-template")
		String restTemplate(@RequestParam String base, @RequestParam String path) {
			RestTemplate template = this.restTemplate.rootUri(base).build();
			return template.getForObject("/rest-template/{path}", String.class, path);
		}

		@GetMapping("/call/web-client")
		String webClient(@RequestParam String base, @RequestParam String path) {
			return this.webClient.baseUrl(base)
				.build()
				.get()
				.uri("/web-client/{path}", path)
				.retrieve()
				.bodyToMono(String.class)
				.block();
		}

	}

}
