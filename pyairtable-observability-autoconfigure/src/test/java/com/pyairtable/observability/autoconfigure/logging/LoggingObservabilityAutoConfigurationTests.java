package com.pyairtable.observability.autoconfigure.logging;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicReference;

import com.pyairtable.observability.http.RequestIdObservationFilter;
import com.pyairtable.observability.logging.RequestIdClientInterceptor;
import com.pyairtable.observability.logging.RequestIds;
import com.pyairtable.observability.logging.SecretRedactor;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

class LoggingObservabilityAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(LoggingObservabilityAutoConfiguration.class));

	@Test
	void providesRedactorAndClientInterceptor() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(SecretRedactor.class);
			assertThat(context).hasSingleBean(RequestIdClientInterceptor.class);
			assertThat(context).hasBean("requestIdRestClientCustomizer");
			assertThat(context).doesNotHaveBean(RequestIdObservationFilter.class);
		});
	}

	@Test
	void registersRequestIdFilterInServletApplications() {
		new WebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(LoggingObservabilityAutoConfiguration.class))
			.run((context) -> assertThat(context).hasSingleBean(RequestIdObservationFilter.class));
	}

	@Test
	void backsOffWhenDisabled() {
		this.contextRunner.withPropertyValues("pyairtable.observability.logging.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(SecretRedactor.class));
		this.contextRunner.withPropertyValues("pyairtable.observability.logging.request-id.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(RequestIdClientInterceptor.class)
				.hasSingleBean(SecretRedactor.class));
	}

	@Test
	void backsOffWhenUserDefinesRedactor() {
		SecretRedactor own = SecretRedactor.withDefaults();
		this.contextRunner.withBean(SecretRedactor.class, () -> own)
			.run((context) -> assertThat(context.getBean(SecretRedactor.class)).isSameAs(own));
	}

	@Test
	void skipsClientCustomizersWithoutRestClientSupport() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(RestClientCustomizer.class))
			.run((context) -> assertThat(context).doesNotHaveBean("requestIdRestClientCustomizer")
				.hasSingleBean(RequestIdClientInterceptor.class));
	}

	@Test
	void failsOnInvalidExtraPatternNamingTheKey() {
		this.contextRunner
			.withPropertyValues("pyairtable.observability.logging.redaction.patterns[0]=ok-[0-9]+",
					"pyairtable.observability.logging.redaction.patterns[1]=([")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("pyairtable.observability.logging.redaction.patterns[1] was '(['"));
	}

	@Test
	void failsOnUnknownFormat() {
		this.contextRunner.withPropertyValues("pyairtable.observability.logging.format=xml")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("pyairtable.observability.logging.format was 'xml'"));
	}

	@Test
	void restClientPassesTheRequestIdOn() throws IOException {
		System.setProperty("sun.net.httpserver.nodelay", "true");
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		AtomicReference<String> received = new AtomicReference<>();
		server.createContext("/", (exchange) -> {
			received.set(exchange.getRequestHeaders().getFirst(RequestIds.HEADER));
			exchange.sendResponseHeaders(204, -1);
			exchange.close();
		});
		server.start();
		try {
			this.contextRunner.withConfiguration(AutoConfigurations.of(RestClientAutoConfiguration.class))
				.run((context) -> {
					RestClient client = context.getBean(RestClient.Builder.class).build();
					MDC.put(RequestIds.MDC_KEY, "req-77");
					try {
						client.get()
							.uri("http://127.0.0.1:" + server.getAddress().getPort() + "/")
							.retrieve()
							.toBodilessEntity();
					}
					finally {
						MDC.remove(RequestIds.MDC_KEY);
					}
					assertThat(received.get()).isEqualTo("req-77");
				});
		}
		finally {
			server.stop(0);
		}
	}

}
