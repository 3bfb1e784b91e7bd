package com.pyairtable.observability.autoconfigure.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.pyairtable.observability.testsupport.TestWebApp;
import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Request sizes through a real server: the bytes the application read, whatever the
 * {@code Content-Length} a caller declares.
 */
class HttpExchangeSizeWebTests {

	private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private static ConfigurableApplicationContext context;

	private static int port;

	@BeforeAll
	static void start() {
		SpringApplication application = new SpringApplication(App.class);
		application.setWebApplicationType(WebApplicationType.SERVLET);
		context = application.run("--server.port=0", "--server.address=127.0.0.1", "--spring.main.banner-mode=off",
				"--spring.application.name=size-service", "--" + TestWebApp.WITHOUT_SECURITY,
				"--server.tomcat.connection-timeout=5s");
		port = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
	}

	@AfterAll
	static void stop() {
		if (context != null) {
			context.close();
		}
	}

	@Test
	void declaredLengthWithoutBodyIsRecordedAsNothingRead() throws Exception {
		String response = raw("POST /ignored HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/octet-stream\r\n"
				+ "Content-Length: 999999999999\r\nConnection: close\r\n\r\n");
		assertThat(response).startsWith("HTTP/1.1 200");
		assertThat(requestSize("/ignored", "max")).isZero();
		assertThat(requestSize("/ignored", "count")).isOne();
	}

	@Test
	void declaredLengthWithShortBodyIsRecordedAsTheBytesRead() throws Exception {
		raw("POST /stream HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/octet-stream\r\n"
				+ "Content-Length: 999999999999\r\nConnection: close\r\n\r\nhello");
		assertThat(requestSize("/stream", "count")).isOne();
		assertThat(requestSize("/stream", "max")).isEqualTo(5);
	}

	@Test
	void lyingFormBodyIsNotCountedAtItsDeclaredLength() throws Exception {
		raw("POST /form HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
				+ "Content-Length: 1000000\r\nConnection: close\r\n\r\nname=x");
		assertThat(requestSize("/form", "count")).isOne();
		assertThat(requestSize("/form", "max")).isZero();
	}

	@Test
	void bodiesReadThroughStreamReaderConverterAndFormCountTheirBytes() throws Exception {
		assertThat(post("/counted-stream", "application/octet-stream", "x".repeat(1000)).body()).isEqualTo("1000");
		assertThat(post("/reader", "text/plain; charset=UTF-8", "h\u00e9llo \u20ac").body()).isEqualTo("7");
		assertThat(post("/converted", "text/plain; charset=UTF-8", "{\"a\":1}").body()).isEqualTo("7");
		assertThat(post("/valid-form", "application/x-www-form-urlencoded", "name=ada&x=1").body()).isEqualTo("ada");
		assertThat(requestSize("/counted-stream", "max")).isEqualTo(1000);
		// "h", "é" (2 bytes), "llo ", "€" (3 bytes)
		assertThat(requestSize("/reader", "max")).isEqualTo(10);
		assertThat(requestSize("/converted", "max")).isEqualTo(7);
		assertThat(requestSize("/valid-form", "max")).isEqualTo(12);
	}

	/** Sends the bytes, closes the sending side and reads the whole answer. */
	private static String raw(String request) throws IOException {
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
			socket.setSoTimeout(15_000);
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			socket.shutdownOutput();
			InputStream in = socket.getInputStream();
			ByteArrayOutputStream answer = new ByteArrayOutputStream();
			in.transferTo(answer);
			return answer.toString(StandardCharsets.ISO_8859_1);
		}
	}

	private static HttpResponse<String> post(String path, String contentType, String body) throws Exception {
		return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
			.timeout(Duration.ofSeconds(10))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** A statistic of the request size summary of one route, from a real scrape. */
	private static double requestSize(String uri, String statistic) throws Exception {
		String scrape = CLIENT
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/prometheus"))
				.timeout(Duration.ofSeconds(10))
				.build(), HttpResponse.BodyHandlers.ofString())
			.body();
		Matcher matcher = Pattern
			.compile("(?m)^http_server_request_size_bytes_" + statistic + "\\{[^}]*uri=\"" + Pattern.quote(uri)
					+ "\"[^}]*} (\\S+)$")
			.matcher(scrape);
		assertThat(matcher.find()).as("request size %s of %s in%n%s", statistic, uri, scrape).isTrue();
		return Double.parseDouble(matcher.group(1));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@RestController
	static class App {

		@PostMapping("/ignored")
		String ignored() {
			return "ok";
		}

		@PostMapping({ "/stream", "/counted-stream" })
		String stream(HttpServletRequest request) throws IOException {
			return Integer.toString(request.getInputStream().readAllBytes().length);
		}

		@PostMapping("/reader")
		String reader(HttpServletRequest request) throws IOException {
			char[] buffer = new char[64];
			int total = 0;
			for (int read = request.getReader().read(buffer); read >= 0; read = request.getReader().read(buffer)) {
				total += read;
			}
			return Integer.toString(total);
		}

		@PostMapping("/converted")
		String converted(@RequestBody String body) {
			return Integer.toString(body.length());
		}

		@PostMapping({ "/form", "/valid-form" })
		String form(@RequestParam(required = false) String name) {
			return String.valueOf(name);
		}

	}

}
