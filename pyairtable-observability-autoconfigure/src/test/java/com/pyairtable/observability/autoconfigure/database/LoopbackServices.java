package com.pyairtable.observability.autoconfigure.database;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * The real services the data-layer tests run against, on loopback. A test that cannot reach
 * one fails naming it: it is never skipped.
 */
public final class LoopbackServices {

	/** JDBC URL of the real PostgreSQL (trust auth, database {@code test}). */
	public static final String POSTGRES_URL = "jdbc:postgresql://127.0.0.1:5432/test";

	/** The PostgreSQL user. */
	public static final String POSTGRES_USER = "postgres";

	/** Port of the real Redis. */
	public static final int REDIS_PORT = 6379;

	/** A loopback port nothing listens on: a service "stopped" from the test's point of view. */
	public static final int CLOSED_PORT = 1;

	private LoopbackServices() {
	}

	/** Fails unless PostgreSQL answers on 127.0.0.1:5432. */
	public static void requirePostgres() {
		require("PostgreSQL", 5432);
	}

	/** Fails unless Redis answers on 127.0.0.1:6379. */
	public static void requireRedis() {
		require("Redis", REDIS_PORT);
	}

	private static void require(String service, int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
		}
		catch (IOException ex) {
			throw new AssertionError(service + " is not reachable on 127.0.0.1:" + port
					+ ": this test needs the real " + service + " running on loopback (" + ex.getMessage() + ")", ex);
		}
	}

}
