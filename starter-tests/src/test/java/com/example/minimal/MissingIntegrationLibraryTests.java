package com.example.minimal;

import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;

import static org.assertj.core.api.Assertions.assertThatException;

/**
 * A feature switched on whose library the service has not added (the starter brings none
 * of them, docs/integrations.md): startup fails naming the key and the dependency to add,
 * rather than the feature silently doing nothing.
 */
class MissingIntegrationLibraryTests {

	@Test
	void grpcExportWithoutAGrpcSender() {
		// The starter's sender is the JDK's HttpClient: OTLP over HTTP only.
		assertStartupFails(
				new String[] { "--pyairtable.observability.tracing.export.endpoint=http://127.0.0.1:4317",
						"--pyairtable.observability.tracing.export.protocol=grpc" },
				"pyairtable.observability.tracing.export.protocol=grpc",
				"io.opentelemetry:opentelemetry-exporter-sender-okhttp");
	}

	@Test
	void consoleExportWithoutTheLoggingExporter() {
		assertStartupFails(new String[] { "--pyairtable.observability.tracing.console-export.enabled=true" },
				"pyairtable.observability.tracing.console-export.enabled=true",
				"io.opentelemetry:opentelemetry-exporter-logging");
	}

	private static void assertStartupFails(String[] args, String key, String dependency) {
		String[] all = new String[args.length + 1];
		all[0] = "--server.port=0";
		System.arraycopy(args, 0, all, 1, args.length);
		assertThatException().isThrownBy(() -> new SpringApplicationBuilder(MinimalService.class).run(all).close())
			.withStackTraceContaining(key)
			.withStackTraceContaining(dependency);
	}

}
