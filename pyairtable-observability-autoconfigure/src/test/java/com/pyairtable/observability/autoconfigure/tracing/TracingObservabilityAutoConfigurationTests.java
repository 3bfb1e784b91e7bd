package com.pyairtable.observability.autoconfigure.tracing;

import com.pyairtable.observability.autoconfigure.core.ObservabilityAutoConfiguration;
import com.pyairtable.observability.tracing.ExportMonitoringSpanExporter;
import com.pyairtable.observability.tracing.PolicySampler;
import com.pyairtable.observability.tracing.RemoteParentPolicy;
import com.pyairtable.observability.tracing.TailSamplingSpanProcessor;
import com.pyairtable.observability.tracing.TracingMetrics;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.SpanExporters;
import org.springframework.boot.opentelemetry.autoconfigure.OpenTelemetrySdkAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

@ExtendWith(OutputCaptureExtension.class)
class TracingObservabilityAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ObservabilityAutoConfiguration.class,
				OpenTelemetrySdkAutoConfiguration.class, OpenTelemetryTracingAutoConfiguration.class,
				MicrometerTracingAutoConfiguration.class, TracingObservabilityAutoConfiguration.class));

	@Test
	void replacesBootsSamplerWithThePolicyAtFullRatioInDevelopment() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(Sampler.class);
			assertThat(context.getBean(Sampler.class)).isInstanceOf(PolicySampler.class);
			assertThat(context.getBean(PolicySampler.class).getRatio()).isEqualTo(1.0);
			assertThat(context).hasSingleBean(TailSamplingSpanProcessor.class);
			assertThat(context).hasSingleBean(TracingMetrics.class);
			assertThat(context).hasSingleBean(SdkTracerProvider.class);
		});
	}

	@Test
	void samplesTenPercentInProduction() {
		this.contextRunner.withPropertyValues("pyairtable.observability.service.environment=production")
			.run((context) -> assertThat(context.getBean(PolicySampler.class).getRatio()).isEqualTo(0.1));
	}

	@Test
	void tierRatioWinsOverEnvironmentAndExplicitRatioWinsOverBoth() {
		this.contextRunner
			.withPropertyValues("pyairtable.observability.service.environment=production",
					"pyairtable.observability.service.tier=background",
					"pyairtable.observability.tracing.sampling.tiers.background=0.05")
			.run((context) -> assertThat(context.getBean(PolicySampler.class).getRatio()).isEqualTo(0.05));
		this.contextRunner
			.withPropertyValues("pyairtable.observability.service.tier=background",
					"pyairtable.observability.tracing.sampling.tiers.background=0.05",
					"pyairtable.observability.tracing.sampling.ratio=0.5")
			.run((context) -> assertThat(context.getBean(PolicySampler.class).getRatio()).isEqualTo(0.5));
	}

	@Test
	void bootsSamplingProbabilityIsHonouredWhenOurRatioIsNotSet(CapturedOutput output) {
		this.contextRunner
			.withPropertyValues("pyairtable.observability.service.environment=production",
					"management.tracing.sampling.probability=0.3")
			.run((context) -> assertThat(context.getBean(PolicySampler.class).getRatio()).isEqualTo(0.3));
		assertThat(output).contains("Head sampling at 0.3 from management.tracing.sampling.probability");
	}

	@Test
	void ourRatioWinsOverBootsSamplingProbability(CapturedOutput output) {
		this.contextRunner
			.withPropertyValues("pyairtable.observability.tracing.sampling.ratio=0.5",
					"management.tracing.sampling.probability=0.3")
			.run((context) -> assertThat(context.getBean(PolicySampler.class).getRatio()).isEqualTo(0.5));
		assertThat(output).contains("Head sampling at 0.5 from pyairtable.observability.tracing.sampling.ratio");
	}

	@Test
	void failsWhenBootsSamplingProbabilityIsNotARatio() {
		this.contextRunner.withPropertyValues("management.tracing.sampling.probability=2")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("management.tracing.sampling.probability was '2.0'"));
	}

	@Test
	void customEnvironmentRatioApplies() {
		this.contextRunner
			.withPropertyValues("pyairtable.observability.service.environment=staging",
					"pyairtable.observability.tracing.sampling.environments.staging=0.25")
			.run((context) -> assertThat(context.getBean(PolicySampler.class).getRatio()).isEqualTo(0.25));
	}

	@Test
	void wrapsExportersToCountFailures() {
		this.contextRunner.withBean(SpanExporter.class, SpanExporter::composite)
			.run((context) -> assertThat(context.getBean(SpanExporters.class).list()).singleElement()
				.isInstanceOf(ExportMonitoringSpanExporter.class));
	}

	@Test
	void backsOffWhenUserDefinesSampler() {
		this.contextRunner.withBean(Sampler.class, Sampler::alwaysOn).run((context) -> {
			assertThat(context).doesNotHaveBean(PolicySampler.class);
			assertThat(context.getBean(Sampler.class)).isEqualTo(Sampler.alwaysOn());
		});
	}

	@Test
	void leavesBootsSamplerWhenDisabled() {
		this.contextRunner.withPropertyValues("pyairtable.observability.tracing.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(PolicySampler.class);
			assertThat(context).doesNotHaveBean(TailSamplingSpanProcessor.class);
			assertThat(context).hasSingleBean(Sampler.class);
		});
	}

	@Test
	void backsOffWithoutTheOpenTelemetrySdk() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(SdkTracerProvider.class))
			.run((context) -> assertThat(context).doesNotHaveBean(TracingMetrics.class));
	}

	@Test
	void failsWhenRatioIsAboveOne() {
		this.contextRunner.withPropertyValues("pyairtable.observability.tracing.sampling.ratio=1.5")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("pyairtable.observability.tracing.sampling.ratio was '1.5'"));
	}

	@Test
	void capsCallersSampledFlagsByDefault() {
		this.contextRunner.run((context) -> assertThat(context.getBean(PolicySampler.class).getRemoteParent())
			.isEqualTo(RemoteParentPolicy.CAP));
	}

	@Test
	void remoteParentPolicyIsBoundInLowerCase() {
		this.contextRunner.withPropertyValues("pyairtable.observability.tracing.sampling.remote-parent=ignore")
			.run((context) -> assertThat(context.getBean(PolicySampler.class).getRemoteParent())
				.isEqualTo(RemoteParentPolicy.IGNORE));
		this.contextRunner.withPropertyValues("pyairtable.observability.tracing.sampling.remote-parent=honour")
			.run((context) -> assertThat(context.getBean(PolicySampler.class).getRemoteParent())
				.isEqualTo(RemoteParentPolicy.HONOUR));
	}

	@Test
	void failsWhenRemoteParentPolicyIsUnknownNamingTheKeyAndTheAllowedValues(CapturedOutput output) {
		this.contextRunner.withPropertyValues("pyairtable.observability.tracing.sampling.remote-parent=sometimes")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasStackTraceContaining(
						"Failed to bind properties under 'pyairtable.observability.tracing.sampling.remote-parent'"));
		// At startup, Boot's failure analysis lists the values allowed.
		SpringApplication application = new SpringApplication(RemoteParentApp.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		assertThatException()
			.isThrownBy(() -> application.run("--pyairtable.observability.tracing.sampling.remote-parent=sometimes",
					"--spring.main.banner-mode=off"));
		assertThat(output).contains("pyairtable.observability.tracing.sampling.remote-parent")
			.contains("The following values are valid")
			.contains("HONOUR")
			.contains("CAP")
			.contains("IGNORE");
	}

	@Test
	void failsWhenProtocolIsUnknown() {
		this.contextRunner.withPropertyValues("pyairtable.observability.tracing.export.protocol=http/json")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("pyairtable.observability.tracing.export.protocol was 'http/json'"));
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ ObservabilityAutoConfiguration.class, OpenTelemetrySdkAutoConfiguration.class,
			OpenTelemetryTracingAutoConfiguration.class, MicrometerTracingAutoConfiguration.class,
			TracingObservabilityAutoConfiguration.class })
	static class RemoteParentApp {

	}

}
