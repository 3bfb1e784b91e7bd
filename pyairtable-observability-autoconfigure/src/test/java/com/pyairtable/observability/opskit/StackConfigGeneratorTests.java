package com.pyairtable.observability.opskit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generated stack is safe to start as it is: nothing reachable from the network
 * unless asked for, no unauthenticated write access, no default password, pinned images.
 */
class StackConfigGeneratorTests {

	private final StackConfigGenerator generator = new StackConfigGenerator();

	@Test
	void everyPublishedPortIsOnLoopbackByDefault() {
		Map<String, Map<String, Object>> services = services(OpsKitTestSettings.settings());
		List<String> ports = new ArrayList<>();
		services.values().forEach((service) -> ports.addAll(list(service.get("ports"))));
		assertThat(ports).isNotEmpty().allMatch((port) -> port.startsWith("127.0.0.1:"));
		assertThat(ports).containsExactlyInAnyOrder("127.0.0.1:9090:9090", "127.0.0.1:3000:3000", "127.0.0.1:4317:4317",
				"127.0.0.1:4318:4318");
	}

	@Test
	void alertmanagerTempoAndLokiAreOnTheComposeNetworkOnly() {
		Map<String, Map<String, Object>> services = services(OpsKitTestSettings.settings());
		for (String name : List.of("alertmanager", "tempo", "loki")) {
			assertThat(services.get(name)).as(name).doesNotContainKey("ports").containsKey("expose");
		}
	}

	@Test
	void bindAddressOpensGrafanaAndTheOtlpReceiversButNotPrometheus() {
		OpsKitSettings base = OpsKitTestSettings.settings();
		OpsKitSettings open = new OpsKitSettings(base.service(), base.scrapeTargets(), base.metricsPath(),
				base.scrapeInterval(), base.evaluationInterval(), base.alerts(), base.legacyRules(), base.slos(),
				base.runbookBaseUrl(), "0.0.0.0");
		Map<String, Map<String, Object>> services = services(open);
		assertThat(list(services.get("grafana").get("ports"))).containsExactly("0.0.0.0:3000:3000");
		assertThat(list(services.get("otel-collector").get("ports"))).containsExactly("0.0.0.0:4317:4317",
				"0.0.0.0:4318:4318");
		assertThat(list(services.get("prometheus").get("ports"))).containsExactly("127.0.0.1:9090:9090");
	}

	@Test
	void prometheusHasNoLifecycleApi() {
		Map<String, String> files = new OpsKitGenerator().generate(OpsKitTestSettings.settings()).files();
		files.forEach((path, content) -> assertThat(content).as(path)
			.doesNotContain("enable-lifecycle")
			.doesNotContain("enable-admin-api"));
		assertThat(list(services(OpsKitTestSettings.settings()).get("prometheus").get("command")))
			.contains("--config.file=/etc/prometheus/prometheus.yml");
	}

	@Test
	void grafanaRequiresItsAdminPasswordAndAllowsNoAnonymousAccess() {
		Map<String, Object> grafana = services(OpsKitTestSettings.settings()).get("grafana");
		@SuppressWarnings("unchecked")
		Map<String, Object> environment = (Map<String, Object>) grafana.get("environment");
		assertThat(environment.get("GF_SECURITY_ADMIN_PASSWORD"))
			.isEqualTo("${GRAFANA_ADMIN_PASSWORD:?set GRAFANA_ADMIN_PASSWORD}");
		assertThat(environment.get("GF_AUTH_ANONYMOUS_ENABLED")).isEqualTo("false");
		assertThat(environment).doesNotContainKey("GF_AUTH_ANONYMOUS_ORG_ROLE");
		String compose = this.generator.generate(OpsKitTestSettings.settings()).get("docker-compose.yml");
		assertThat(compose).doesNotContain(":-admin")
			.doesNotContain("ANONYMOUS_ENABLED: 'true'")
			.doesNotContain("ANONYMOUS_ENABLED: true");
	}

	@Test
	void everyImageIsPinnedToAVersion() {
		services(OpsKitTestSettings.settings()).forEach((name, service) -> {
			String image = (String) service.get("image");
			assertThat(image).as(name).doesNotEndWith(":latest").matches("[a-z0-9./-]+:v?[0-9]+\\.[0-9]+\\.[0-9]+");
		});
	}

	@Test
	void theKitReadmeSaysHowToOpenEachComponent() {
		String readme = new OpsKitGenerator().generate(OpsKitTestSettings.settings()).files().get("README.md");
		assertThat(readme).contains("export GRAFANA_ADMIN_PASSWORD", "stack.bind-address=0.0.0.0", "--web.config.file",
				"127.0.0.1:9093:9093", "kill -s SIGHUP prometheus", "chown -R 65534:65534 secrets",
				StackConfigGenerator.PROMETHEUS_IMAGE, StackConfigGenerator.GRAFANA_IMAGE);
	}

	@SuppressWarnings("unchecked")
	private Map<String, Map<String, Object>> services(OpsKitSettings settings) {
		Map<String, Object> compose = new Yaml().load(this.generator.generate(settings).get("docker-compose.yml"));
		return (Map<String, Map<String, Object>>) compose.get("services");
	}

	@SuppressWarnings("unchecked")
	private static List<String> list(Object value) {
		return (value != null) ? (List<String>) value : List.of();
	}

}
