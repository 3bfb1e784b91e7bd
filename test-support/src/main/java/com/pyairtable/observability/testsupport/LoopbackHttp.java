package com.pyairtable.observability.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Requests to an application under test on 127.0.0.1, bodies read as strings, failures
 * unchecked. JDK only, so that a module keeping its classpath bare can use it.
 */
public final class LoopbackHttp {

	// HTTP/1.1 as most clients of a service speak it, without an h2c upgrade offer on
	// each request.
	private static final HttpClient CLIENT = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private LoopbackHttp() {
	}

	/**
	 * A request to a port on 127.0.0.1, bounded by a timeout.
	 * @param port the port
	 * @param path the path and query
	 * @param timeout how long the exchange may take
	 * @return a request builder, GET unless changed
	 */
	public static HttpRequest.Builder request(int port, String path, Duration timeout) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(timeout);
	}

	/**
	 * Sends a request.
	 * @param request the request
	 * @return the response, its body as a string
	 */
	public static HttpResponse<String> send(HttpRequest request) {
		try {
			return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
