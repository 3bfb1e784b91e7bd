package com.pyairtable.observability.health;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

/**
 * Checks a TCP dependency (a database, a cache) by opening and closing a connection
 * within the timeout.
 */
public final class TcpDependencyProbe implements DependencyProbe {

	private final String host;

	private final int port;

	private final Duration timeout;

	/**
	 * Create a probe.
	 * @param host the host to connect to
	 * @param port the port to connect to
	 * @param timeout the connect timeout
	 */
	public TcpDependencyProbe(String host, int port, Duration timeout) {
		this.host = host;
		this.port = port;
		this.timeout = timeout;
	}

	@Override
	public void probe() throws IOException {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(this.host, this.port), (int) Math.max(1, this.timeout.toMillis()));
		}
	}

}
