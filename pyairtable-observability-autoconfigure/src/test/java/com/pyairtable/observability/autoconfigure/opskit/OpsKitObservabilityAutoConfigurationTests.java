package com.pyairtable.observability.autoconfigure.opskit;

import java.util.List;

import com.pyairtable.observability.autoconfigure.core.ObservabilityAutoConfiguration;
import com.pyairtable.observability.logging.SecretRedactor;
import com.pyairtable.observability.opskit.OpsKitEndpoint;
import com.pyairtable.observability.opskit.OpsKitGenerator;
import com.pyairtable.observability.opskit.OpsKitSettings;
import com.pyairtable.observability.opskit.SloDefinition;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class OpsKitObservabilityAutoConfigurationTests {

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withPropertyValues("spring.application.name=airtable-gateway")
		.withConfiguration(
				AutoConfigurations.of(ObservabilityAutoConfiguration.class, OpsKitObservabilityAutoConfiguration.class,
						EndpointAutoConfiguration.class, WebEndpointAutoConfiguration.class));

	@Test
	void generatesTheKitFromTheServiceIdentityWithContractDefaults() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(OpsKitGenerator.class).doesNotHaveBean(OpsKitWriteRunner.class);
			OpsKitSettings settings = context.getBean(OpsKitSettings.class);
			assertThat(settings.service()).isEqualTo("airtable-gateway");
			assertThat(settings.scrapeTargets()).containsExactly("host.docker.internal:8080");
			assertThat(settings.metricsPath()).isEqualTo("/actuator/prometheus");
			assertThat(settings.alerts().get("ServiceHighLatency").threshold()).isEqualTo(1.0);
			assertThat(settings.alerts().get("ServiceHighLatency").runbookUrl())
				.isEqualTo("https://runbooks.pyairtable.example/alerts/ServiceHighLatency");
			assertThat(settings.alerts().values()).allMatch((alert) -> alert.enabled());
		});
	}

	@Test
	void endpointIsNotExposedByDefault() {
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(OpsKitEndpoint.class));
	}

	@Test
	void endpointIsAvailableWhenExposed() {
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=opskit")
			.run((context) -> assertThat(context).hasSingleBean(OpsKitEndpoint.class));
	}

	@Test
	void alertSettingsComeFromProperties() {
		this.contextRunner
			.withPropertyValues("pyairtable.observability.alerts.ServiceHighErrorRate.threshold=0.2",
					"pyairtable.observability.alerts.ServiceHighErrorRate.for=3m",
					"pyairtable.observability.alerts.ServiceHighErrorRate.severity=warning",
					"pyairtable.observability.alerts.ServiceHighErrorRate.runbook-url=https://wiki/errors",
					"pyairtable.observability.alerts.HighCPUUsage.enabled=false",
					"pyairtable.observability.ops-kit.scrape-targets=localhost:9999",
					"pyairtable.observability.ops-kit.runbook-base-url=https://rb")
			.run((context) -> {
				OpsKitSettings settings = context.getBean(OpsKitSettings.class);
				assertThat(settings.alerts().get("ServiceHighErrorRate").threshold()).isEqualTo(0.2);
				assertThat(settings.alerts().get("ServiceHighErrorRate").forDuration()).hasMinutes(3);
				assertThat(settings.alerts().get("ServiceHighErrorRate").severity()).isEqualTo("warning");
				assertThat(settings.alerts().get("ServiceHighErrorRate").runbookUrl()).isEqualTo("https://wiki/errors");
				assertThat(settings.alerts().get("ServiceDown").runbookUrl()).isEqualTo("https://rb/ServiceDown");
				assertThat(settings.alerts().get("HighCPUUsage").enabled()).isFalse();
				assertThat(settings.scrapeTargets()).containsExactly("localhost:9999");
				String rules = context.getBean(OpsKitGenerator.class)
					.generate(settings)
					.files()
					.get("prometheus/rules/service-alerts.yml");
				assertThat(rules).contains("> 0.2", "for: 3m");
			});
	}

	@Test
	void disabledBinderDropsItsAlerts() {
		this.contextRunner.withPropertyValues("pyairtable.observability.metrics.airtable.enabled=false")
			.run((context) -> {
				OpsKitSettings settings = context.getBean(OpsKitSettings.class);
				assertThat(settings.alerts().get("AirtableRateLimitHit").enabled()).isFalse();
				assertThat(settings.alerts().get("AirtableQuotaNearlyExhausted").enabled()).isFalse();
				assertThat(settings.alerts().get("LlmHighErrorRate").enabled()).isTrue();
				assertThat(context.getBean(OpsKitGenerator.class).generate(settings).files())
					.doesNotContainKey("prometheus/rules/airtable-alerts.yml");
			});
	}

	@Test
	void slosAreBound() {
		this.contextRunner
			.withPropertyValues("pyairtable.observability.slo.checkout.objective=99.5",
					"pyairtable.observability.slo.checkout.window=7d",
					"pyairtable.observability.slo.checkout.indicator=latency",
					"pyairtable.observability.slo.checkout.latency-threshold=250ms")
			.run((context) -> {
				SloDefinition slo = context.getBean(OpsKitSettings.class).slos().get(0);
				assertThat(slo.name()).isEqualTo("checkout");
				assertThat(slo.objective()).isEqualTo(99.5);
				assertThat(slo.window()).hasDays(7);
				assertThat(slo.indicator()).isEqualTo(SloDefinition.Indicator.LATENCY);
			});
	}

	@Test
	void failsWhenSloLatencyThresholdIsNotAHistogramBucket() {
		this.contextRunner
			.withPropertyValues("pyairtable.observability.slo.checkout.indicator=latency",
					"pyairtable.observability.slo.checkout.latency-threshold=300ms")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("pyairtable.observability.slo.checkout.latency-threshold was PT0.3S")
				.hasMessageContaining("pyairtable.observability.http.latency-buckets"));
	}

	@Test
	void failsWhenSloObjectiveIsNotAPercentage() {
		this.contextRunner.withPropertyValues("pyairtable.observability.slo.checkout.objective=100")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("pyairtable.observability.slo.checkout.objective was 100.0"));
	}

	@Test
	void failsOnAnUnknownAlert() {
		this.contextRunner.withPropertyValues("pyairtable.observability.alerts.NoSuchAlert.threshold=1")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("pyairtable.observability.alerts.NoSuchAlert is not an alert"));
	}

	@Test
	void overwriteAndStackBindAddressAreBound() {
		this.contextRunner
			.withPropertyValues("pyairtable.observability.ops-kit.overwrite=true",
					"pyairtable.observability.ops-kit.stack.bind-address=0.0.0.0")
			.run((context) -> {
				assertThat(context.getBean(OpsKitProperties.class).isOverwrite()).isTrue();
				OpsKitSettings settings = context.getBean(OpsKitSettings.class);
				assertThat(settings.bindAddress()).isEqualTo("0.0.0.0");
				assertThat(context.getBean(OpsKitGenerator.class).generate(settings).files().get("docker-compose.yml"))
					.contains("0.0.0.0:3000:3000", "127.0.0.1:9090:9090");
			});
		this.contextRunner.run((context) -> {
			assertThat(context.getBean(OpsKitProperties.class).isOverwrite()).isFalse();
			assertThat(context.getBean(OpsKitSettings.class).bindAddress()).isEqualTo("127.0.0.1");
		});
	}

	@Test
	void failsWhenStackBindAddressIsNotAnIpv4Address() {
		this.contextRunner.withPropertyValues("pyairtable.observability.ops-kit.stack.bind-address=grafana.example")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("pyairtable.observability.ops-kit.stack.bind-address was 'grafana.example'")
				.hasMessageContaining("IPv4"));
	}

	@Test
	void aSecretInTheServiceNameReachesNoFileOfTheKit() {
		String key = "sk-proj-Zx8VbQ4mN2pL7rT1wY6uK3sD9fH5jG0a";
		this.contextRunner.withPropertyValues("spring.application.name=" + key).run((context) -> {
			OpsKitSettings settings = context.getBean(OpsKitSettings.class);
			assertThat(settings.service()).isEqualTo(key);
			context.getBean(OpsKitGenerator.class)
				.generate(settings)
				.files()
				.forEach((path, content) -> assertThat(content).as(path).doesNotContain(key));
		});
	}

	@Test
	void theKitGoesThroughTheApplicationsRedactor() {
		this.contextRunner
			.withBean(SecretRedactor.class, () -> SecretRedactor.withExtraPatterns(List.of("internal-[0-9]+")))
			.withPropertyValues("pyairtable.observability.ops-kit.scrape-targets=internal-42.example:8080")
			.run((context) -> {
				String prometheus = context.getBean(OpsKitGenerator.class)
					.generate(context.getBean(OpsKitSettings.class))
					.files()
					.get("prometheus/prometheus.yml");
				assertThat(prometheus).doesNotContain("internal-42").contains(SecretRedactor.MARKER);
			});
	}

	@Test
	void backsOffWhenUserDefinesGenerator() {
		OpsKitGenerator own = new OpsKitGenerator();
		this.contextRunner.withBean(OpsKitGenerator.class, () -> own)
			.run((context) -> assertThat(context.getBean(OpsKitGenerator.class)).isSameAs(own));
	}

	@Test
	void isOffWhenDisabled() {
		this.contextRunner.withPropertyValues("pyairtable.observability.ops-kit.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(OpsKitSettings.class)
				.doesNotHaveBean(OpsKitGenerator.class));
		this.contextRunner.withPropertyValues("pyairtable.observability.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(OpsKitGenerator.class));
	}

	@Test
	void isOffWithoutSnakeYaml() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(Yaml.class))
			.run((context) -> assertThat(context).doesNotHaveBean(OpsKitGenerator.class));
	}

}
