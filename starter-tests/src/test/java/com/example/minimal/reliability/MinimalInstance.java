package com.example.minimal.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.example.minimal.MinimalService;
import com.pyairtable.observability.testsupport.LoopbackHttp;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The minimal service (nothing but the starter) started on loopback ports.
 */
final class MinimalInstance implements AutoCloseable {

	private final ConfigurableApplicationContext context;

	final int port;

	private MinimalInstance(ConfigurableApplicationContext context) {
		this.context = context;
		this.port = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
	}

	static MinimalInstance start(String... properties) {
		List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--server.address=127.0.0.1",
				"--spring.main.banner-mode=off", "--spring.jmx.enabled=false"));
		for (String property : properties) {
			arguments.add("--" + property);
		}
		return new MinimalInstance(
				new SpringApplicationBuilder(MinimalService.class).run(arguments.toArray(String[]::new)));
	}

	static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static HttpResponse<String> request(String method, int port, String path) {
		return LoopbackHttp.send(LoopbackHttp.request(port, path, Duration.ofSeconds(10))
			.method(method, HttpRequest.BodyPublishers.noBody())
			.build());
	}

	HttpResponse<String> get(String path) {
		return request("GET", this.port, path);
	}

	@Override
	public void close() {
		this.context.close();
	}

}
