package com.pyairtable.observability.health;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * Checks an HTTP dependency with a GET through the JDK's {@link HttpClient}: healthy when
 * it answers with one of the expected statuses (any 2xx when none is given) within the
 * timeout. The body is discarded; redirects are not followed.
 */
public final class HttpDependencyProbe implements DependencyProbe {

	private final HttpClient client;

	private final URI uri;

	private final Duration timeout;

	private final Map<String, String> headers;

	private final Set<Integer> expectedStatuses;

	/**
	 * Create a probe.
	 * @param client the client, whose connect timeout bounds the connection
	 * @param uri the address to call
	 * @param timeout the timeout of the whole exchange
	 * @param headers request headers, never shown anywhere
	 * @param expectedStatuses healthy statuses, empty for any 2xx
	 */
	public HttpDependencyProbe(HttpClient client, URI uri, Duration timeout, Map<String, String> headers,
			Set<Integer> expectedStatuses) {
		this.client = client;
		this.uri = uri;
		this.timeout = timeout;
		this.headers = Map.copyOf(headers);
		this.expectedStatuses = Set.copyOf(expectedStatuses);
	}

	@Override
	public void probe() throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(this.uri).timeout(this.timeout).GET();
		this.headers.forEach(request::header);
		HttpResponse<Void> response = this.client.send(request.build(), HttpResponse.BodyHandlers.discarding());
		int status = response.statusCode();
		if (!isExpected(status)) {
			throw new IOException("unexpected HTTP status " + status);
		}
	}

	private boolean isExpected(int status) {
		return this.expectedStatuses.isEmpty() ? (status >= 200 && status < 300)
				: this.expectedStatuses.contains(status);
	}

}
