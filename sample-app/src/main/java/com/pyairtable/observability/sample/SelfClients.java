package com.pyairtable.observability.sample;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * HTTP clients from Spring Boot's {@link RestClient.Builder}, as any service would build
 * them, pointed at the fake APIs this service serves itself. The port is read when a
 * client is first used, since with {@code server.port=0} it is known only once the server
 * runs.
 */
@Component
public class SelfClients {

	private final RestClient.Builder builder;

	private final Environment environment;

	private volatile RestClient airtable;

	private volatile RestClient llm;

	private volatile RestClient self;

	public SelfClients(RestClient.Builder builder, Environment environment) {
		this.builder = builder;
		this.environment = environment;
	}

	/**
	 * Client of the fake Airtable API, with a token as the real API wants.
	 * @return the client
	 */
	public RestClient airtable() {
		if (this.airtable == null) {
			this.airtable = this.builder.clone()
				.baseUrl(baseUrl() + "/fake-airtable")
				.defaultHeader("Authorization",
						"Bearer patSampleToken001.0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")
				.build();
		}
		return this.airtable;
	}

	/**
	 * Client of the fake OpenAI-compatible LLM API.
	 * @return the client
	 */
	public RestClient llm() {
		if (this.llm == null) {
			this.llm = this.builder.clone().baseUrl(baseUrl() + "/fake-llm").build();
		}
		return this.llm;
	}

	/**
	 * Client of this service's own API, for the traffic generator.
	 * @return the client
	 */
	public RestClient self() {
		if (this.self == null) {
			this.self = this.builder.clone().baseUrl(baseUrl()).build();
		}
		return this.self;
	}

	private String baseUrl() {
		return "http://127.0.0.1:" + this.environment.getRequiredProperty("local.server.port");
	}

}
