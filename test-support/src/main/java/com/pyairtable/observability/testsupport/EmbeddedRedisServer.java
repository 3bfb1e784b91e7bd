package com.pyairtable.observability.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;

import redis.embedded.RedisServer;

/**
 * Redis from the embedded-redis binaries (inside its jar), keeping nothing on disk.
 */
final class EmbeddedRedisServer {

	private EmbeddedRedisServer() {
	}

	static TestServices.Redis start() {
		int port = TestServices.freePort();
		try {
			RedisServer server = RedisServer.newRedisServer()
				.port(port)
				.bind(TestServices.LOOPBACK)
				.setting("save \"\"")
				.setting("appendonly no")
				.build();
			server.start();
			Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(server), "embedded-redis-stop"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Embedded Redis did not start", ex);
		}
		return new TestServices.Redis(TestServices.LOOPBACK, port);
	}

	private static void stop(RedisServer server) {
		try {
			server.stop();
		}
		catch (IOException ex) {
			// The JVM is exiting: the process dies with it.
		}
	}

}
