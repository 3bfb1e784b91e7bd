package com.pyairtable.observability.autoconfigure.health;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

import com.pyairtable.observability.autoconfigure.health.ObservabilityHealthProperties.Check;
import com.pyairtable.observability.autoconfigure.health.ObservabilityHealthProperties.CheckType;
import com.pyairtable.observability.health.DependencyCheck;
import com.pyairtable.observability.health.HttpDependencyProbe;
import com.pyairtable.observability.health.Redaction;
import com.pyairtable.observability.health.TcpDependencyProbe;
import org.jspecify.annotations.Nullable;

/**
 * Builds the dependency checks from the validated properties.
 */
final class DependencyCheckFactory {

	private static final int MIN_SECRET_LENGTH = 4;

	private DependencyCheckFactory() {
	}

	static List<DependencyCheck> create(ObservabilityHealthProperties properties, Clock clock,
			UnaryOperator<@Nullable String> redactor) {
		Map<String, Check> checks = properties.getChecks();
		Duration connectTimeout = checks.values()
			.stream()
			.map(Check::getTimeout)
			.max(Duration::compareTo)
			.orElse(Duration.ofSeconds(2));
		HttpClient client = null;
		List<DependencyCheck> result = new ArrayList<>();
		for (Map.Entry<String, Check> entry : checks.entrySet()) {
			Check check = entry.getValue();
			if (check.getType() == CheckType.HTTP) {
				if (client == null) {
					client = HttpClient.newBuilder()
						.connectTimeout(connectTimeout)
						.followRedirects(HttpClient.Redirect.NEVER)
						.build();
				}
				result.add(http(entry.getKey(), check, client, clock, redactor));
			}
			else {
				result.add(tcp(entry.getKey(), check, clock, redactor));
			}
		}
		return result;
	}

	private static DependencyCheck http(String name, Check check, HttpClient client, Clock clock,
			UnaryOperator<@Nullable String> redactor) {
		URI uri = URI.create(check.getUrl().trim());
		List<String> secrets = new ArrayList<>();
		check.getHeaders().values().forEach((value) -> addSecret(secrets, value));
		if (uri.getRawUserInfo() != null) {
			addSecret(secrets, uri.getRawUserInfo());
		}
		if (uri.getRawQuery() != null) {
			addSecret(secrets, uri.getRawQuery());
		}
		// A token in the path (/hooks/<token>) must not show up in an error quoting the
		// URL.
		secrets.addAll(Redaction.pathSecrets(uri));
		HttpDependencyProbe probe = new HttpDependencyProbe(client, uri, check.getTimeout(), check.getHeaders(),
				new HashSet<>(check.getExpectedStatuses()));
		return new DependencyCheck(name, "http", Redaction.uri(uri, redactor), check.isCritical(), check.getInterval(),
				probe, secrets, clock, redactor);
	}

	private static DependencyCheck tcp(String name, Check check, Clock clock,
			UnaryOperator<@Nullable String> redactor) {
		String host = check.getHost().trim();
		int port = check.getPort();
		return new DependencyCheck(name, "tcp", host.toLowerCase(Locale.ROOT) + ":" + port, check.isCritical(),
				check.getInterval(), new TcpDependencyProbe(host, port, check.getTimeout()), List.of(), clock,
				redactor);
	}

	private static void addSecret(List<String> secrets, String value) {
		if (value == null || value.isBlank()) {
			return;
		}
		secrets.add(value);
		for (String part : value.split("[\\s:=&]+")) {
			if (part.length() >= MIN_SECRET_LENGTH) {
				secrets.add(part);
			}
		}
	}

}
