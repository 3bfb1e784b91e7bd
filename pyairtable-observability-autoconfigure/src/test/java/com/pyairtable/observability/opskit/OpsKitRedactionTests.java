package com.pyairtable.observability.opskit;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.pyairtable.observability.logging.SecretRedactor;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Every file of the kit goes through the redactor, and stays a valid file of its format.
 */
class OpsKitRedactionTests {

	private static final String OPENAI_KEY = "sk-proj-Zx8VbQ4mN2pL7rT1wY6uK3sD9fH5jG0a";

	private static final String PAT = "patAbCdEfGhIjKlMn.0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

	private static final String WIKI_TOKEN = "c2VjcmV0LXdpa2ktdG9rZW4";

	private final SecretRedactor redactor = SecretRedactor.withDefaults();

	@Test
	void aSecretInAnyPropertyAppearsInNoFile() {
		OpsKit kit = new OpsKitGenerator(this.redactor::redact).generate(settingsWithSecrets());
		kit.files()
			.forEach((path, content) -> assertThat(content).as(path)
				.doesNotContain(OPENAI_KEY, PAT, WIKI_TOKEN)
				.doesNotContain(OPENAI_KEY.substring(0, 16), PAT.substring(0, 20)));
		assertThat(kit.files().get("prometheus/rules/service-alerts.yml")).contains("token=" + SecretRedactor.MARKER);
		assertThat(kit.files().get("README.md")).contains(SecretRedactor.MARKER);
	}

	@Test
	void redactedFilesStillParseAndKeepTheMarkerAsAValue() {
		OpsKit kit = new OpsKitGenerator(this.redactor::redact).generate(settingsWithSecrets());
		JsonMapper json = JsonMapper.builder().build();
		kit.files().forEach((path, content) -> {
			if (path.endsWith(".yml") || path.endsWith(".yaml")) {
				new Yaml().load(content);
			}
			else if (path.endsWith(".json")) {
				json.readTree(content);
			}
		});
		// The whole service name was a key: a YAML plain scalar may not start with '[',
		// so it is quoted.
		Map<String, Object> prometheus = new Yaml().load(kit.files().get("prometheus/prometheus.yml"));
		Map<?, ?> scrape = (Map<?, ?>) ((List<?>) prometheus.get("scrape_configs")).get(0);
		assertThat(scrape.get("job_name")).isEqualTo(this.redactor.replacement(OPENAI_KEY));
		Map<?, ?> slo = (Map<?, ?>) json.readValue(kit.files().get("grafana/dashboards/pyairtable-slo.json"),
				Map.class);
		assertThat(slo.toString()).contains(this.redactor.replacement(OPENAI_KEY));
	}

	@Test
	void ordinaryConfigurationPassesTheRedactorUnchanged() {
		OpsKitSettings settings = OpsKitTestSettings.settings();
		OpsKit identity = new OpsKitGenerator((text) -> text).generate(settings);
		OpsKit redacted = new OpsKitGenerator(this.redactor::redact).generate(settings);
		assertThat(redacted.files()).isEqualTo(identity.files());
	}

	@Test
	void aRedactorThatFailsFailsTheKitNamingTheFile() {
		OpsKitGenerator failing = new OpsKitGenerator((text) -> {
			throw new IllegalArgumentException("boom");
		});
		assertThatIllegalStateException().isThrownBy(() -> failing.generate(OpsKitTestSettings.settings()))
			.withMessageContaining("Could not redact the ops kit's file")
			.withMessageContaining("boom");
		OpsKitGenerator empty = new OpsKitGenerator((text) -> null);
		assertThatIllegalStateException().isThrownBy(() -> empty.generate(OpsKitTestSettings.settings()))
			.withMessageContaining("the redactor returned nothing");
	}

	@Test
	void theEndpointServesOnlyRedactedFiles() {
		OpsKitGenerator generator = new OpsKitGenerator(this.redactor::redact);
		OpsKitEndpoint endpoint = new OpsKitEndpoint(() -> generator.generate(settingsWithSecrets()));
		@SuppressWarnings("unchecked")
		List<String> files = (List<String>) endpoint.files().get("files");
		for (String file : files) {
			Map<String, Object> served = endpoint.file(file.split("/"));
			assertThat(served).isNotNull();
			assertThat((String) served.get("content")).as(file).doesNotContain(OPENAI_KEY, PAT, WIKI_TOKEN);
		}
	}

	@Test
	void theEndpointFailsRatherThanServeAFileItCouldNotRedact() {
		OpsKitGenerator failing = new OpsKitGenerator((text) -> null);
		OpsKitEndpoint endpoint = new OpsKitEndpoint(() -> failing.generate(OpsKitTestSettings.settings()));
		assertThatIllegalStateException().isThrownBy(() -> endpoint.file("prometheus", "prometheus.yml"));
	}

	/**
	 * A service name, an SLO, a scrape target and runbook addresses that carry secrets.
	 */
	private static OpsKitSettings settingsWithSecrets() {
		Map<String, AlertSettings> alerts = new LinkedHashMap<>(OpsKitTestSettings.defaults());
		AlertSettings latency = alerts.get("ServiceHighLatency");
		alerts.put("ServiceHighLatency", new AlertSettings(true, latency.threshold(), latency.forDuration(),
				latency.severity(), "https://wiki.example/latency?token=" + WIKI_TOKEN));
		AlertSettings down = alerts.get("ServiceDown");
		alerts.put("ServiceDown", new AlertSettings(true, down.threshold(), down.forDuration(), down.severity(),
				"https://wiki.example/" + PAT + "/down"));
		return new OpsKitSettings(OPENAI_KEY, List.of(PAT + ":8080"), "/actuator/prometheus", Duration.ofSeconds(15),
				Duration.ofSeconds(15), alerts, true,
				List.of(new SloDefinition("records-" + OPENAI_KEY, 99.9, Duration.ofDays(30),
						SloDefinition.Indicator.AVAILABILITY, "/api/records.*", null)),
				"https://runbooks.example/?api_key=" + WIKI_TOKEN + "&alert=");
	}

}
