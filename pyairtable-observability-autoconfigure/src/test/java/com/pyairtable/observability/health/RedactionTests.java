package com.pyairtable.observability.health;

import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RedactionTests {

	@Test
	void stripsUserInfoQueryAndFragmentFromAddresses() {
		assertThat(Redaction.uri(URI.create("https://user:pw@api.airtable.com:8443/v0/meta?api_key=abc#frag")))
			.isEqualTo("https://api.airtable.com:8443/v0/meta");
	}

	@Test
	void masksSecretsAndBoundsTheLength() {
		String text = Redaction.text("token sk-live-123 " + "x".repeat(400), List.of("sk-live-123"));
		assertThat(text).startsWith("token ****** ").hasSize(303).endsWith("...");
	}

}
