package com.pyairtable.observability.autoconfigure.tracing;

import java.util.ArrayList;
import java.util.List;

import com.pyairtable.observability.autoconfigure.core.ConditionalOnObservabilityEnabled;
import com.pyairtable.observability.autoconfigure.core.ObservabilityAutoConfiguration;
import com.pyairtable.observability.core.ServiceIdentity;
import com.pyairtable.observability.logging.SecretRedactor;
import com.pyairtable.observability.tracing.ExportMonitoringSpanExporter;
import com.pyairtable.observability.tracing.PolicySampler;
import com.pyairtable.observability.tracing.QueueDropMeterProvider;
import com.pyairtable.observability.tracing.RedactingSpanExporter;
import com.pyairtable.observability.tracing.SamplingRule;
import com.pyairtable.observability.tracing.TailSamplingSpanProcessor;
import com.pyairtable.observability.tracing.TracesPerSecondLimiter;
import com.pyairtable.observability.tracing.TracingMetrics;
import io.opentelemetry.api.metrics.MeterProvider;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SpanLimits;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.BindResult;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.SpanExporters;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.otlp.OtlpTracingAutoConfiguration;
import org.springframework.boot.opentelemetry.autoconfigure.ConditionalOnEnabledOpenTelemetry;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.core.log.LogMessage;

/**
 * The platform's sampling policy on top of Spring Boot's OpenTelemetry tracing: a
 * {@link PolicySampler} replacing Boot's sampler, a {@link TailSamplingSpanProcessor}
 * keeping failed and slow traces, monitored span exporters and their metrics, and the
 * export settings handed to Boot's OTLP span exporter.
 */
@AutoConfiguration(after = ObservabilityAutoConfiguration.class,
		before = { OpenTelemetryTracingAutoConfiguration.class, OtlpTracingAutoConfiguration.class })
@ConditionalOnClass({ SdkTracerProvider.class, OpenTelemetryTracingAutoConfiguration.class })
@ConditionalOnObservabilityEnabled("tracing")
@ConditionalOnEnabledOpenTelemetry
@EnableConfigurationProperties(ObservabilityTracingProperties.class)
public final class TracingObservabilityAutoConfiguration {

	/** Spring Boot's head-sampling probability, honoured when our ratio is not set. */
	static final String BOOT_PROBABILITY = "management.tracing.sampling.probability";

	static final String SPAN_EXPORTERS_BEAN = "spanExporters";

	private static final Log logger = LogFactory.getLog(TracingObservabilityAutoConfiguration.class);

	/** Paths never traced when management paths are excluded, besides the actuator's. */
	static final List<String> MANAGEMENT_PATHS = List.of("/health", "/health/**", "/live", "/ready", "/metrics");

	TracingObservabilityAutoConfiguration() {
	}

	@Bean
	@ConfigurationPropertiesBinding
	static ExportEnumConverter otlpProtocolConverter() {
		return new ExportEnumConverter(OtlpProtocol.class, ObservabilityTracingProperties.PREFIX + ".export.protocol");
	}

	@Bean
	@ConfigurationPropertiesBinding
	static ExportEnumConverter otlpCompressionConverter() {
		return new ExportEnumConverter(OtlpCompression.class,
				ObservabilityTracingProperties.PREFIX + ".export.compression");
	}

	@Bean
	@ConditionalOnMissingBean
	TracingMetrics tracingMetrics() {
		return new TracingMetrics();
	}

	@Bean
	@ConditionalOnMissingBean(Sampler.class)
	PolicySampler policySampler(ObservabilityTracingProperties properties, ServiceIdentity identity,
			TracingMetrics metrics, Environment environment) {
		ObservabilityTracingProperties.Sampling sampling = properties.getSampling();
		List<SamplingRule> rules = new ArrayList<>();
		if (sampling.isExcludeManagementPaths()) {
			String base = environment.getProperty("management.endpoints.web.base-path", "/actuator");
			rules.add(SamplingRule.never((base.endsWith("/") ? base : base + "/") + "**"));
			MANAGEMENT_PATHS.forEach((path) -> rules.add(SamplingRule.never(path)));
		}
		sampling.getRules()
			.forEach((rule) -> rules.add(new SamplingRule(rule.getPath(), rule.getMethod(), rule.getSpanName(),
					rule.getAttribute(), rule.getValue(), rule.getRatio())));
		double ratio = headRatio(sampling, identity, environment);
		return new PolicySampler(rules, ratio,
				new TracesPerSecondLimiter(sampling.getMaxTracesPerSecond(), System::nanoTime),
				sampling.getTail().isEnabled(), metrics, sampling.getRemoteParent());
	}

	/**
	 * Our ratio when set; else Spring Boot's probability when the application set it;
	 * else the environment and tier defaults.
	 */
	private static double headRatio(ObservabilityTracingProperties.Sampling sampling, ServiceIdentity identity,
			Environment environment) {
		Double ours = sampling.getRatio();
		BindResult<Double> boots = Binder.get(environment).bind(BOOT_PROBABILITY, Double.class);
		if (ours != null) {
			if (boots.isBound()) {
				logger.info(LogMessage.format("Head sampling at %s from %s.sampling.ratio, which wins over %s", ours,
						ObservabilityTracingProperties.PREFIX, BOOT_PROBABILITY));
			}
			return ours;
		}
		if (boots.isBound()) {
			double probability = boots.get();
			if (Double.isNaN(probability) || probability < 0.0 || probability > 1.0) {
				throw new IllegalArgumentException(
						BOOT_PROBABILITY + " was '" + probability + "' but must be a ratio between 0.0 and 1.0");
			}
			logger.info(LogMessage.format("Head sampling at %s from %s (%s.sampling.ratio is not set)", probability,
					BOOT_PROBABILITY, ObservabilityTracingProperties.PREFIX));
			return probability;
		}
		return sampling.ratioFor(identity.environment(), identity.tier());
	}

	/**
	 * Counts the batch span processor's queue drops; backs off when the application has
	 * its own OpenTelemetry {@link MeterProvider} (Boot then gives that one to the batch
	 * processor).
	 */
	@Bean
	@ConditionalOnMissingBean(MeterProvider.class)
	QueueDropMeterProvider queueDropMeterProvider(TracingMetrics metrics) {
		return new QueueDropMeterProvider(metrics);
	}

	@Bean
	@ConditionalOnMissingBean
	TailSamplingSpanProcessor tailSamplingSpanProcessor(ObservabilityTracingProperties properties,
			TracingMetrics metrics, ObjectProvider<BatchSpanProcessor> exportProcessor) {
		ObservabilityTracingProperties.Sampling sampling = properties.getSampling();
		ObservabilityTracingProperties.Tail tail = sampling.getTail();
		return new TailSamplingSpanProcessor(exportProcessor::getIfAvailable, sampling.getSlowThreshold(),
				tail.getMaxSpans(), tail.getMaxAge(), metrics, System::nanoTime);
	}

	/**
	 * Keeps span attribute values whole until they are redacted: the application's
	 * attribute length limit is applied by the redacting exporter instead of the SDK.
	 */
	@Bean
	static RedactFirstSpanLimits redactFirstSpanLimits() {
		return new RedactFirstSpanLimits();
	}

	/**
	 * Boot's exporters, each redacted (with the built-in patterns when the application
	 * has no {@link SecretRedactor}: nothing is exported unredacted), counted and
	 * silenced: a failed export is counted and warned about at most once an interval.
	 * Each exporter bean is looked up on its first export rather than here, so that
	 * building the tracer does not wait for it (see
	 * {@link #backgroundSpanExporterInitialization()}).
	 */
	@Bean(name = SPAN_EXPORTERS_BEAN)
	@ConditionalOnMissingBean
	SpanExporters spanExporters(ConfigurableListableBeanFactory beanFactory, TracingMetrics metrics,
			ObservabilityTracingProperties properties, ObjectProvider<SecretRedactor> redactor,
			ObjectProvider<SpanLimits> spanLimits, RedactFirstSpanLimits redactFirstSpanLimits) {
		SecretRedactor secretRedactor = redactor.getIfAvailable(SecretRedactor::withDefaults);
		// Creates the limits first, so that their post-processing has seen the length
		// asked for.
		spanLimits.getIfAvailable();
		int maxAttributeValueLength = redactFirstSpanLimits.maxAttributeValueLength();
		List<SpanExporter> exporters = new ArrayList<>();
		for (String name : beanFactory.getBeanNamesForType(SpanExporter.class, true, false)) {
			// Destroyed after the pipeline, which flushes into it on shutdown.
			beanFactory.registerDependentBean(name, SPAN_EXPORTERS_BEAN);
			SpanExporter exporter = new DeferredSpanExporter(name, () -> beanFactory.getBean(name, SpanExporter.class));
			SpanExporter redacting = new RedactingSpanExporter(exporter, secretRedactor::redact,
					maxAttributeValueLength);
			exporters.add(new ExportMonitoringSpanExporter(redacting, metrics,
					properties.getExport().getWarningInterval(), System::nanoTime));
		}
		return SpanExporters.of(exporters);
	}

	/**
	 * Creates Boot's OTLP span exporters on Spring's bootstrap executor (Boot's
	 * {@code applicationTaskExecutor}) while the rest of the context starts: building one
	 * initialises the JDK's {@code HttpClient} and default {@code SSLContext}, a fifth of
	 * a second on the main thread. The context still waits for them before it is
	 * refreshed, so a misconfigured exporter fails startup as before.
	 */
	@Bean
	static BeanFactoryPostProcessor backgroundSpanExporterInitialization() {
		return (beanFactory) -> {
			if (!beanFactory.containsBean(ConfigurableApplicationContext.BOOTSTRAP_EXECUTOR_BEAN_NAME) && !beanFactory
				.containsBeanDefinition(TaskExecutionAutoConfiguration.APPLICATION_TASK_EXECUTOR_BEAN_NAME)) {
				// Spring would create them on the main thread anyway, and say so.
				return;
			}
			for (String name : beanFactory.getBeanNamesForType(SpanExporter.class, false, false)) {
				if (beanFactory.containsBeanDefinition(name)
						&& beanFactory.getBeanDefinition(name) instanceof AbstractBeanDefinition definition
						&& !definition.isLazyInit() && isOtlpExporter(beanFactory.getType(name, false))) {
					definition.setBackgroundInit(true);
				}
			}
		};
	}

	private static boolean isOtlpExporter(@Nullable Class<?> type) {
		return type != null && type.getName().startsWith("io.opentelemetry.exporter.otlp.");
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(OtlpHttpSpanExporter.class)
	@Import(OtlpTracingExportConfiguration.class)
	static class OtlpExportConfiguration {

	}

}
