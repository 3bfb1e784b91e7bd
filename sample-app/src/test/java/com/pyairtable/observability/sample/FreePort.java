package com.pyairtable.observability.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * A free loopback port, for tests whose configuration must know the server port before
 * the server starts (the sample's health check points at the service itself).
 */
final class FreePort {

	private FreePort() {
	}

	static int find() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
