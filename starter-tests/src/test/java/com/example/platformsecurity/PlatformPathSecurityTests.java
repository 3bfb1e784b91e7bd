package com.example.platformsecurity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.example.minimal.MinimalService;
import com.pyairtable.observability.testsupport.LoopbackHttp;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The platform's probe and scrape paths are exactly as protected as the actuator
 * endpoints they mirror, whatever the service's security configuration: for each,
 * anonymous and authenticated callers get the same status (and the same challenge) from
 * both paths. Tagged {@code spring-security}: run by the surefire execution with Spring
 * Security on the classpath.
 */
@Tag("spring-security")
class PlatformPathSecurityTests {

	/** Each platform path and the actuator path it mirrors. */
	private static final Map<String, String> MIRRORS = Map.of("/metrics", "/actuator/prometheus", "/health/live",
			"/actuator/health/liveness", "/live", "/actuator/health/liveness", "/health/ready",
			"/actuator/health/readiness", "/ready", "/actuator/health/readiness", "/health", "/actuator/health",
			"/health/detailed", "/actuator/health");

	@Test
	void bootsDefaultSecurity() {
		try (Service service = Service.start(List.of())) {
			assertMirrorsMatch(service.port);
			assertThat(status(service.port, "/metrics", null)).isEqualTo(401);
			assertThat(status(service.port, "/metrics", "dev")).isEqualTo(200);
			assertThat(status(service.port, "/health/live", null)).isEqualTo(200);
		}
	}

	@Test
	void chainThatPermitsForwards() {
		try (Service service = Service.start(List.of(SecurityChains.PermitsForwards.class))) {
			assertMirrorsMatch(service.port);
			assertThat(status(service.port, "/metrics", null)).isEqualTo(401);
			assertThat(status(service.port, "/health/live", null)).isEqualTo(200);
		}
	}

	@Test
	void chainThatFiltersOnlyRequestDispatches() {
		try (Service service = Service.start(List.of(SecurityChains.RequestDispatchesOnly.class),
				"spring.security.filter.dispatcher-types=request")) {
			assertMirrorsMatch(service.port);
			assertThat(status(service.port, "/metrics", null)).isEqualTo(401);
		}
	}

	@Test
	void chainThatProtectsTheActuatorByPath() {
		try (Service service = Service.start(List.of(SecurityChains.ActuatorByPath.class))) {
			assertMirrorsMatch(service.port);
			assertThat(status(service.port, "/metrics", null)).isEqualTo(401);
			assertThat(status(service.port, "/metrics", "dev")).isEqualTo(403);
			assertThat(status(service.port, "/metrics", "ops")).isEqualTo(200);
		}
	}

	@Test
	void actuatorChainOfItsOwnThatPermitsForwards() {
		try (Service service = Service.start(List.of(SecurityChains.ActuatorChainByEndpoint.class))) {
			assertMirrorsMatch(service.port);
			assertThat(status(service.port, "/metrics", "dev")).isEqualTo(403);
			assertThat(status(service.port, "/health/live", null)).isEqualTo(401);
			assertThat(status(service.port, "/health/live", "ops")).isEqualTo(200);
			assertThat(status(service.port, "/orders", null)).isEqualTo(200);
		}
	}

	@Test
	void managementPortWithBootsDefaultSecurity() {
		int management = freePort();
		try (Service service = Service.start(List.of(), "management.server.port=" + management,
				"management.server.address=127.0.0.1")) {
			assertMirrorsMatch(management);
			assertThat(status(management, "/metrics", null)).isEqualTo(401);
			assertThat(status(management, "/metrics", "dev")).isEqualTo(200);
			assertThat(status(management, "/health/live", null)).isEqualTo(200);
		}
	}

	@Test
	void managementPortWithChainThatPermitsForwards() {
		int management = freePort();
		try (Service service = Service.start(List.of(SecurityChains.PermitsForwards.class),
				"management.server.port=" + management, "management.server.address=127.0.0.1")) {
			assertMirrorsMatch(management);
			assertThat(status(management, "/metrics", null)).isEqualTo(401);
		}
	}

	@Test
	void managementPortWithChainThatProtectsTheActuatorByPath() {
		int management = freePort();
		try (Service service = Service.start(List.of(SecurityChains.ActuatorByPath.class),
				"management.server.port=" + management, "management.server.address=127.0.0.1")) {
			assertMirrorsMatch(management);
			assertThat(status(management, "/metrics", "dev")).isEqualTo(403);
			assertThat(status(management, "/metrics", "ops")).isEqualTo(200);
		}
	}

	private static void assertMirrorsMatch(int port) {
		List<String> differences = new ArrayList<>();
		for (String user : new String[] { null, "dev", "ops" }) {
			MIRRORS.forEach((platformPath, actuatorPath) -> {
				HttpResponse<String> platform = get(port, platformPath, user);
				HttpResponse<String> actuator = get(port, actuatorPath, user);
				String platformAnswer = answer(platform);
				String actuatorAnswer = answer(actuator);
				if (!platformAnswer.equals(actuatorAnswer)) {
					differences.add(((user != null) ? user : "anonymous") + ": " + platformPath + " " + platformAnswer
							+ " but " + actuatorPath + " " + actuatorAnswer);
				}
			});
		}
		assertThat(differences).isEmpty();
	}

	/** Status and challenge: what tells a caller whether it got in. */
	private static String answer(HttpResponse<String> response) {
		return response.statusCode() + response.headers().firstValue("WWW-Authenticate").map((c) -> " " + c).orElse("");
	}

	private static int status(int port, String path, String user) {
		return get(port, path, user).statusCode();
	}

	private static HttpResponse<String> get(int port, String path, String user) {
		HttpRequest.Builder request = LoopbackHttp.request(port, path, Duration.ofSeconds(10));
		if (user != null) {
			String credentials = user + ":" + SecurityChains.PASSWORD;
			request.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
		}
		return LoopbackHttp.send(request.build());
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The minimal service with the given configuration classes of its own. */
	private record Service(ConfigurableApplicationContext context, int port) implements AutoCloseable {

		static Service start(List<Class<?>> configurations, String... properties) {
			List<Class<?>> sources = new ArrayList<>(List.of(MinimalService.class, SecurityChains.Users.class));
			sources.addAll(configurations);
			List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--server.address=127.0.0.1",
					"--spring.main.banner-mode=off", "--spring.jmx.enabled=false"));
			for (String property : properties) {
				arguments.add("--" + property);
			}
			ConfigurableApplicationContext context = new SpringApplicationBuilder(sources.toArray(Class<?>[]::new))
				.run(arguments.toArray(String[]::new));
			return new Service(context,
					context.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
		}

		@Override
		public void close() {
			this.context.close();
		}

	}

}
