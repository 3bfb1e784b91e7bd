package com.pyairtable.observability.autoconfigure.core;

import java.util.Properties;

import com.pyairtable.observability.core.ServiceIdentity;
import com.pyairtable.observability.core.ServiceIdentityMeterFilter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.resources.Resource;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.info.BuildProperties;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.opentelemetry.autoconfigure.OpenTelemetrySdkAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class ObservabilityAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ObservabilityAutoConfiguration.class, MetricsAutoConfiguration.class,
				CompositeMeterRegistryAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class,
				OpenTelemetrySdkAutoConfiguration.class));

	@Test
	void identityDefaultsToApplicationNameAndContractDefaults() {
		this.contextRunner.withPropertyValues("spring.application.name=airtable-gateway")
			.run((context) -> assertThat(context.getBean(ServiceIdentity.class))
				.isEqualTo(new ServiceIdentity("airtable-gateway", "unknown", "application", "development")));
	}

	@Test
	void identityComesFromProperties() {
		this.contextRunner
			.withPropertyValues("spring.application.name=ignored",
					"pyairtable.observability.service.name=llm-orchestrator",
					"pyairtable.observability.service.version=1.2.3", "pyairtable.observability.service.tier=ai-ml",
					"pyairtable.observability.service.environment=production")
			.run((context) -> assertThat(context.getBean(ServiceIdentity.class))
				.isEqualTo(new ServiceIdentity("llm-orchestrator", "1.2.3", "ai-ml", "production")));
	}

	@Test
	void versionFallsBackToBuildInfo() {
		Properties build = new Properties();
		build.put("version", "4.5.6");
		this.contextRunner.withBean(BuildProperties.class, () -> new BuildProperties(build))
			.run((context) -> assertThat(context.getBean(ServiceIdentity.class).version()).isEqualTo("4.5.6"));
	}

	@Test
	void everyMeterCarriesTheFourIdentityTags() {
		this.contextRunner
			.withPropertyValues("spring.application.name=saga-orchestrator",
					"pyairtable.observability.service.tier=background")
			.run((context) -> {
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				Counter counter = registry.counter("some.business.counter", "kind", "x");
				assertThat(counter.getId().getTag("service")).isEqualTo("saga-orchestrator");
				assertThat(counter.getId().getTag("version")).isEqualTo("unknown");
				assertThat(counter.getId().getTag("tier")).isEqualTo("background");
				assertThat(counter.getId().getTag("environment")).isEqualTo("development");
				assertThat(counter.getId().getTag("kind")).isEqualTo("x");
			});
	}

	@Test
	void identityBecomesOpenTelemetryResourceAttributes() {
		this.contextRunner
			.withPropertyValues("spring.application.name=mcp-server", "pyairtable.observability.service.version=2.0.0",
					"pyairtable.observability.service.environment=staging")
			.run((context) -> {
				Resource resource = context.getBean(Resource.class);
				assertThat(resource.getAttribute(AttributeKey.stringKey("service.name"))).isEqualTo("mcp-server");
				assertThat(resource.getAttribute(AttributeKey.stringKey("service.version"))).isEqualTo("2.0.0");
				assertThat(resource.getAttribute(AttributeKey.stringKey("service.tier"))).isEqualTo("application");
				assertThat(resource.getAttribute(AttributeKey.stringKey("deployment.environment.name")))
					.isEqualTo("staging");
				assertThat(resource.getAttribute(AttributeKey.stringKey("telemetry.sdk.language"))).isEqualTo("java");
			});
	}

	@Test
	void explicitOpenTelemetryResourceAttributesStillWin() {
		this.contextRunner
			.withPropertyValues("spring.application.name=mcp-server",
					"management.opentelemetry.resource-attributes.service.name=renamed")
			.run((context) -> assertThat(
					context.getBean(Resource.class).getAttribute(AttributeKey.stringKey("service.name")))
				.isEqualTo("renamed"));
	}

	@Test
	void backsOffWhenUserDefinesIdentityAndMeterFilter() {
		this.contextRunner.withUserConfiguration(UserIdentityConfiguration.class).run((context) -> {
			assertThat(context).getBean(ServiceIdentity.class).isSameAs(context.getBean("userIdentity"));
			assertThat(context).getBean(ServiceIdentityMeterFilter.class).isSameAs(context.getBean("userMeterFilter"));
			Counter counter = context.getBean(MeterRegistry.class).counter("c");
			assertThat(counter.getId().getTag("service")).isEqualTo("mine");
		});
	}

	@Test
	void doesNothingWhenStarterIsDisabled() {
		this.contextRunner.withPropertyValues("pyairtable.observability.enabled=false").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(ServiceIdentity.class);
			assertThat(context).doesNotHaveBean(ServiceIdentityMeterFilter.class);
			assertThat(context.getBean(MeterRegistry.class).counter("c").getId().getTag("service")).isNull();
		});
	}

	@Test
	void worksWithoutMicrometerOrOpenTelemetry() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(ObservabilityAutoConfiguration.class))
			.withClassLoader(new FilteredClassLoader("io.micrometer.core", "io.opentelemetry.sdk"))
			.run((context) -> {
				assertThat(context).hasSingleBean(ServiceIdentity.class);
				assertThat(context).doesNotHaveBean(ServiceIdentityMeterFilter.class);
				assertThat(context).doesNotHaveBean(Resource.class);
			});
	}

	@Test
	void failsOnUnknownTier() {
		this.contextRunner.withPropertyValues("pyairtable.observability.service.tier=frontend")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("pyairtable.observability.service.tier")
				.hasMessageContaining("'frontend'")
				.hasMessageContaining("gateway, ai-ml, application, background"));
	}

	@Test
	void failsOnMalformedEnvironment() {
		this.contextRunner.withPropertyValues("pyairtable.observability.service.environment=Prod Env!")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("pyairtable.observability.service.environment")
				.hasMessageContaining("'Prod Env!'"));
	}

	@Test
	void failsOnBlankServiceName() {
		this.contextRunner.withPropertyValues("pyairtable.observability.service.name= ")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("pyairtable.observability.service.name must not be blank"));
	}

	@Test
	void failsOnLatencyBucketsNotAscending() {
		this.contextRunner.withPropertyValues("pyairtable.observability.http.latency-buckets=100ms,1s,500ms")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("pyairtable.observability.http.latency-buckets")
				.hasMessageContaining("strictly ascending"));
	}

	@Test
	void failsOnNegativeLatencyBucket() {
		this.contextRunner.withPropertyValues("pyairtable.observability.http.latency-buckets=-100ms,1s")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("pyairtable.observability.http.latency-buckets")
				.hasMessageContaining("PT-0.1S")
				.hasMessageContaining("must be positive"));
	}

	@Test
	void failsOnLatencyBucketThatIsNotADuration() {
		this.contextRunner.withPropertyValues("pyairtable.observability.http.latency-buckets=100ms,fast")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasStackTraceContaining(
						"Failed to bind properties under 'pyairtable.observability.http.latency-buckets'")
				.rootCause()
				.hasMessageContaining("'fast' is not a valid duration"));
	}

	@Configuration(proxyBeanMethods = false)
	static class UserIdentityConfiguration {

		@Bean
		ServiceIdentity userIdentity() {
			return new ServiceIdentity("mine", "9", "gateway", "production");
		}

		@Bean
		ServiceIdentityMeterFilter userMeterFilter(ServiceIdentity userIdentity) {
			return new ServiceIdentityMeterFilter(userIdentity);
		}

	}

}
