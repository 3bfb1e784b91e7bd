package com.pyairtable.observability.autoconfigure.tracing;

import java.net.URI;
import java.util.Locale;
import java.util.ServiceLoader;

import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

import com.pyairtable.observability.autoconfigure.core.OtlpEndpoint;
import io.opentelemetry.api.metrics.MeterProvider;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporter;
import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporterBuilder;
import io.opentelemetry.sdk.common.export.GrpcSenderProvider;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.micrometer.tracing.autoconfigure.ConditionalOnEnabledTracingExport;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.otlp.OtlpGrpcSpanExporterBuilderCustomizer;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.otlp.OtlpTracingConnectionDetails;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.otlp.OtlpTracingProperties;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.otlp.Transport;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Hands {@code pyairtable.observability.tracing.export.*} to Spring Boot's OTLP span
 * exporter: the endpoint through {@link OtlpTracingConnectionDetails}, the timeout,
 * compression and headers through the exporter builder customizers, and for
 * {@code protocol: grpc} a gRPC exporter built as Boot builds one. Boot's own
 * {@code management.opentelemetry.tracing.export.otlp.*} keys, and the
 * {@code OTEL_EXPORTER_OTLP_*} variables Boot maps onto them, win.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OtlpTracingProperties.class)
class OtlpTracingExportConfiguration {

	static final String BOOT_PREFIX = "management.opentelemetry.tracing.export.otlp";

	@Bean
	@ConditionalOnMissingBean
	TracingExportCustomizer tracingExportCustomizer(ObservabilityTracingProperties properties,
			OtlpTracingProperties bootProperties, Environment environment) {
		return new TracingExportCustomizer(properties.getExport(), bootProperties, environment);
	}

	@Bean
	@ConditionalOnMissingBean
	@Conditional(OnExportEndpointCondition.class)
	OtlpTracingConnectionDetails otlpTracingConnectionDetails(ObservabilityTracingProperties properties,
			OtlpTracingProperties bootProperties, ObjectProvider<SslBundles> sslBundles) {
		return new ExportOtlpTracingConnectionDetails(properties.getExport(), bootProperties,
				sslBundles.getIfAvailable());
	}

	/**
	 * The gRPC exporter, as Boot builds it when its transport key says grpc: Boot chooses
	 * its exporter by that key alone, which the protocol property sets no more.
	 */
	@Bean
	@ConditionalOnMissingBean({ OtlpGrpcSpanExporter.class, OtlpHttpSpanExporter.class })
	@Conditional(OnExportEndpointCondition.class)
	@ConditionalOnProperty(name = ObservabilityTracingProperties.PREFIX + ".export.protocol", havingValue = "grpc")
	@ConditionalOnProperty(name = BOOT_PREFIX + ".transport", havingValue = "grpc", matchIfMissing = true)
	@ConditionalOnEnabledTracingExport("otlp")
	OtlpGrpcSpanExporter otlpGrpcSpanExporter(OtlpTracingProperties bootProperties,
			OtlpTracingConnectionDetails connectionDetails, ObjectProvider<MeterProvider> meterProvider,
			ObjectProvider<OtlpGrpcSpanExporterBuilderCustomizer> customizers) {
		OtlpGrpcSpanExporterBuilder builder = OtlpGrpcSpanExporter.builder()
			.setEndpoint(connectionDetails.getUrl(Transport.GRPC))
			.setTimeout(bootProperties.getTimeout())
			.setConnectTimeout(bootProperties.getConnectTimeout())
			.setCompression(bootProperties.getCompression().name().toLowerCase(Locale.ROOT));
		bootProperties.getHeaders().forEach(builder::addHeader);
		meterProvider.ifAvailable(builder::setMeterProvider);
		SslBundle sslBundle = connectionDetails.getSslBundle();
		if (sslBundle != null) {
			builder.setSslContext(sslBundle.createSslContext(), trustManager(sslBundle));
		}
		customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
		if (ServiceLoader.load(GrpcSenderProvider.class, OtlpTracingExportConfiguration.class.getClassLoader())
			.findFirst()
			.isEmpty()) {
			// The starter's sender is the JDK's HttpClient, which speaks OTLP over HTTP
			// only.
			throw new IllegalStateException(ObservabilityTracingProperties.PREFIX
					+ ".export.protocol=grpc (or OTEL_EXPORTER_OTLP_PROTOCOL=grpc) needs a gRPC sender on the classpath: "
					+ "io.opentelemetry:opentelemetry-exporter-sender-okhttp, or use protocol http/protobuf");
		}
		return builder.build();
	}

	private static X509TrustManager trustManager(SslBundle sslBundle) {
		for (TrustManager trustManager : sslBundle.getManagers().getTrustManagers()) {
			if (trustManager instanceof X509TrustManager x509TrustManager) {
				return x509TrustManager;
			}
		}
		throw new IllegalStateException("No X509TrustManager found in the SSL bundle trust managers");
	}

	/**
	 * Our endpoint as Boot's connection details: Boot's endpoint when set, else ours,
	 * with {@code /v1/traces} appended over HTTP when it has no path.
	 */
	static final class ExportOtlpTracingConnectionDetails implements OtlpTracingConnectionDetails {

		private final ObservabilityTracingProperties.Export export;

		private final OtlpTracingProperties bootProperties;

		private final @Nullable SslBundles sslBundles;

		ExportOtlpTracingConnectionDetails(ObservabilityTracingProperties.Export export,
				OtlpTracingProperties bootProperties, @Nullable SslBundles sslBundles) {
			this.export = export;
			this.bootProperties = bootProperties;
			this.sslBundles = sslBundles;
		}

		@Override
		public String getUrl(Transport transport) {
			String bootEndpoint = this.bootProperties.getEndpoint();
			if (bootEndpoint != null && !bootEndpoint.isBlank()) {
				return bootEndpoint;
			}
			URI endpoint = this.export.getEndpoint();
			if (endpoint == null) {
				throw new IllegalStateException(ObservabilityTracingProperties.PREFIX + ".export.endpoint is not set");
			}
			return (transport == Transport.GRPC) ? endpoint.toString() : OtlpEndpoint.signalUrl(endpoint, "traces");
		}

		@Override
		public @Nullable SslBundle getSslBundle() {
			return OtlpEndpoint.sslBundle(this.bootProperties.getSsl().getBundle(), this.sslBundles);
		}

	}

}
