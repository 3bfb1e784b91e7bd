package com.pyairtable.observability.health;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

/**
 * Real servers on 127.0.0.1 standing in for dependencies: one answering 200, one
 * answering 500, one accepting connections and never answering, one answering 200 only
 * once released, and a closed port. Each counts the requests or connections it received.
 */
public final class FakeDependencies implements AutoCloseable {

	private final HttpServer http;

	private final ServerSocket hanging;

	private final List<Socket> hangingConnections = new CopyOnWriteArrayList<>();

	private final AtomicInteger okRequests = new AtomicInteger();

	private final AtomicInteger failingRequests = new AtomicInteger();

	private final AtomicInteger hangingAccepted = new AtomicInteger();

	private final CountDownLatch gate = new CountDownLatch(1);

	private final List<String> receivedApiKeys = new CopyOnWriteArrayList<>();

	private final int closedPort;

	public FakeDependencies() {
		try {
			this.http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
			this.http.createContext("/ok", (exchange) -> {
				this.okRequests.incrementAndGet();
				String key = exchange.getRequestHeaders().getFirst("X-Api-Key");
				if (key != null) {
					this.receivedApiKeys.add(key);
				}
				exchange.sendResponseHeaders(200, -1);
				exchange.close();
			});
			this.http.createContext("/failing", (exchange) -> {
				this.failingRequests.incrementAndGet();
				exchange.sendResponseHeaders(500, -1);
				exchange.close();
			});
			this.http.createContext("/gated", (exchange) -> {
				try {
					this.gate.await();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				exchange.sendResponseHeaders(200, -1);
				exchange.close();
			});
			this.http.setExecutor(Executors.newCachedThreadPool((runnable) -> {
				Thread thread = new Thread(runnable, "fake-dependency");
				thread.setDaemon(true);
				return thread;
			}));
			this.http.start();
			this.hanging = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
			Thread acceptor = new Thread(this::acceptForever, "fake-hanging-dependency");
			acceptor.setDaemon(true);
			acceptor.start();
			try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
				this.closedPort = closed.getLocalPort();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void acceptForever() {
		while (!this.hanging.isClosed()) {
			try {
				// Keep the socket open and never answer.
				this.hangingConnections.add(this.hanging.accept());
				this.hangingAccepted.incrementAndGet();
			}
			catch (IOException ex) {
				return;
			}
		}
	}

	public String url(String path) {
		return "http://127.0.0.1:" + this.http.getAddress().getPort() + path;
	}

	public int httpPort() {
		return this.http.getAddress().getPort();
	}

	public String hangingUrl() {
		return "http://127.0.0.1:" + this.hanging.getLocalPort() + "/health";
	}

	public int closedPort() {
		return this.closedPort;
	}

	public int okRequests() {
		return this.okRequests.get();
	}

	public int failingRequests() {
		return this.failingRequests.get();
	}

	public int hangingConnections() {
		return this.hangingAccepted.get();
	}

	public List<String> receivedApiKeys() {
		return this.receivedApiKeys;
	}

	public void openGate() {
		this.gate.countDown();
	}

	@Override
	public void close() {
		this.gate.countDown();
		this.http.stop(0);
		try {
			this.hanging.close();
			for (Socket socket : this.hangingConnections) {
				socket.close();
			}
		}
		catch (IOException ex) {
			// closing test servers
		}
	}

}
