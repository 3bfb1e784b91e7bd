package com.pyairtable.observability.autoconfigure.httpclient;

import com.pyairtable.observability.autoconfigure.cardinality.CardinalityObservabilityAutoConfiguration;
import com.pyairtable.observability.cardinality.CardinalityGuard;
import com.pyairtable.observability.httpclient.HttpClientTagsMeterFilter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class HttpClientObservabilityAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(AutoConfigurations
		.of(CardinalityObservabilityAutoConfiguration.class, HttpClientObservabilityAutoConfiguration.class));

	@Test
	void foldsClientNamesBeyondTheCap() {
		this.runner.withPropertyValues("pyairtable.observability.metrics.max-tag-values=1").run((context) -> {
			HttpClientTagsMeterFilter filter = context.getBean(HttpClientTagsMeterFilter.class);
			assertThat(filter.map(id("a.example")).getTag("client.name")).isEqualTo("a.example");
			assertThat(filter.map(id("b.example")).getTag("client.name")).isEqualTo("other");
			assertThat(filter.map(id("b.example")).getTag("uri")).isEqualTo("/x");
		});
	}

	@Test
	void leavesOtherMetersAlone() {
		HttpClientTagsMeterFilter filter = new HttpClientTagsMeterFilter(new CardinalityGuard(1, 64));
		Meter.Id other = new Meter.Id("http.server.requests", Tags.of("client.name", "x"), null, null,
				Meter.Type.TIMER);
		assertThat(filter.map(other)).isSameAs(other);
	}

	@Test
	void backsOffWhenDisabled() {
		this.runner.withPropertyValues("pyairtable.observability.http-client.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(HttpClientTagsMeterFilter.class));
	}

	private static Meter.Id id(String host) {
		return new Meter.Id("http.client.requests", Tags.of("client.name", host, "uri", "/x"), null, null,
				Meter.Type.TIMER);
	}

}
