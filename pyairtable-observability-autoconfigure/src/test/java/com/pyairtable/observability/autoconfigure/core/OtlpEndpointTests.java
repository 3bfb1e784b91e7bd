package com.pyairtable.observability.autoconfigure.core;

import java.net.URI;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class OtlpEndpointTests {

	@Test
	void appendsTheSignalPathToABaseUrl() {
		assertThat(OtlpEndpoint.signalUrl(URI.create("http://collector:4318"), "traces"))
			.isEqualTo("http://collector:4318/v1/traces");
		assertThat(OtlpEndpoint.signalUrl(URI.create("https://c:4318/"), "traces"))
			.isEqualTo("https://c:4318/v1/traces");
		assertThat(OtlpEndpoint.signalUrl(URI.create("http://collector:4318"), "metrics"))
			.isEqualTo("http://collector:4318/v1/metrics");
		assertThat(OtlpEndpoint.signalUrl(URI.create("http://collector:4318"), "logs"))
			.isEqualTo("http://collector:4318/v1/logs");
	}

	@Test
	void urlWithPathIsKept() {
		assertThat(OtlpEndpoint.signalUrl(URI.create("https://c/otlp/v1/traces"), "traces"))
			.isEqualTo("https://c/otlp/v1/traces");
	}

	@Test
	void blankEndpointIsUnset() {
		assertThat(OtlpEndpoint.check("k", null)).isNull();
		assertThat(OtlpEndpoint.check("k", URI.create(""))).isNull();
	}

	@Test
	void rejectsAnythingButAnHttpUrlWithAHostNamingTheKeyAndHidingCredentials() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> OtlpEndpoint.check("x.endpoint", URI.create("ftp://user:s3cret@collector")))
			.withMessageStartingWith("x.endpoint must be an http:// or https:// URL")
			.withMessageNotContaining("s3cret");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> OtlpEndpoint.check("x.endpoint", URI.create("collector:4318")))
			.withMessageStartingWith("x.endpoint must be an http:// or https:// URL");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> OtlpEndpoint.check("x.endpoint", URI.create("/v1/traces")))
			.withMessageStartingWith("x.endpoint must be an http:// or https:// URL");
	}

}
