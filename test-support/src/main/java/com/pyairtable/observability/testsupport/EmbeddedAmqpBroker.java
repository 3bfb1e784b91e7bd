package com.pyairtable.observability.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.apache.qpid.server.SystemLauncher;

/**
 * Apache Qpid Broker-J in this JVM, speaking AMQP 0-9-1 as RabbitMQ does: one in-memory
 * virtual host (the default, so that RabbitMQ clients' {@code /} reaches it), user
 * guest/guest with PLAIN over plain TCP, loopback only, no management port.
 */
final class EmbeddedAmqpBroker {

	private static final String INITIAL_CONFIGURATION = "qpid-initial-config.json";

	private EmbeddedAmqpBroker() {
	}

	static TestServices.Amqp start() {
		int port = TestServices.freePort();
		URL configuration = EmbeddedAmqpBroker.class.getResource(INITIAL_CONFIGURATION);
		if (configuration == null) {
			throw new IllegalStateException(INITIAL_CONFIGURATION + " is missing beside " + EmbeddedAmqpBroker.class);
		}
		SystemLauncher launcher = new SystemLauncher();
		try {
			Path work = Files.createTempDirectory("qpid-broker-");
			launcher.startup(Map.of("type", "Memory", "initialConfigurationLocation", configuration.toExternalForm(),
					"startupLoggedToSystemOut", false, "context",
					Map.of("qpid.amqp_port", String.valueOf(port), "qpid.work_dir", work.toString(),
							// Nothing of the broker's is kept: no preferences file in the
							// work directory.
							"qpid.broker.defaultPreferenceStoreAttributes", "{\"type\": \"Noop\"}",
							// basic.reject without requeue drops the message, as RabbitMQ
							// does: Broker-J
							// puts it back on the queue unless the queue limits its
							// delivery attempts.
							"queue.maximumDeliveryAttempts", "1")));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The embedded AMQP broker did not start", ex);
		}
		catch (Exception ex) {
			throw new IllegalStateException("The embedded AMQP broker did not start", ex);
		}
		Runtime.getRuntime().addShutdownHook(new Thread(launcher::shutdown, "embedded-amqp-stop"));
		return new TestServices.Amqp(TestServices.LOOPBACK, port, "guest", "guest");
	}

}
