package com.pyairtable.observability.airtable;

import java.net.URI;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AirtableRequestTests {

	private static final String API = "https://api.airtable.com";

	private static AirtableRequest parse(String method, String url) {
		return AirtableRequest.parse(API, method, URI.create(url));
	}

	@Test
	void parsesListGetAndWritesWithoutRecordIdsOrQueries() {
		assertThat(parse("GET", API + "/v0/appA/My%20Table?filterByFormula=x&api_key=secret"))
			.isEqualTo(new AirtableRequest("appA", "My Table", AirtableOperation.LIST));
		assertThat(parse("GET", API + "/v0/appA/tblB/recC"))
			.isEqualTo(new AirtableRequest("appA", "tblB", AirtableOperation.GET));
		assertThat(parse("POST", API + "/v0/appA/tblB"))
			.isEqualTo(new AirtableRequest("appA", "tblB", AirtableOperation.CREATE));
		assertThat(parse("POST", API + "/v0/appA/tblB/listRecords"))
			.isEqualTo(new AirtableRequest("appA", "tblB", AirtableOperation.LIST));
		assertThat(parse("PATCH", API + "/v0/appA/tblB/recC").operation()).isEqualTo(AirtableOperation.UPDATE);
		assertThat(parse("PATCH", API + "/v0/appA/tblB").operation()).isEqualTo(AirtableOperation.UPDATE);
		assertThat(parse("PUT", API + "/v0/appA/tblB/recC").operation()).isEqualTo(AirtableOperation.REPLACE);
		assertThat(parse("DELETE", API + "/v0/appA/tblB/recC").operation()).isEqualTo(AirtableOperation.DELETE);
		assertThat(parse("OPTIONS", API + "/v0/appA/tblB").operation()).isEqualTo(AirtableOperation.OTHER);
	}

	@Test
	void parsesMetaAndOtherPaths() {
		assertThat(parse("GET", API + "/v0/meta/bases/appA/tables"))
			.isEqualTo(new AirtableRequest("appA", "none", AirtableOperation.META));
		assertThat(parse("GET", API + "/v0/meta/whoami"))
			.isEqualTo(new AirtableRequest("none", "none", AirtableOperation.META));
		assertThat(parse("GET", API + "/v0/bases/appA/webhooks"))
			.isEqualTo(new AirtableRequest("appA", "none", AirtableOperation.OTHER));
		assertThat(parse("GET", API + "/v1/x")).isEqualTo(new AirtableRequest("none", "none", AirtableOperation.OTHER));
		assertThat(parse("GET", API + "/v0/appA/tblB/recC/comments").operation()).isEqualTo(AirtableOperation.OTHER);
	}

	@Test
	void ignoresOtherHosts() {
		assertThat(parse("GET", "https://example.com/v0/appA/tblB")).isNull();
		assertThat(parse("GET", "https://api.airtable.com.evil.example/v0/appA/tblB")).isNull();
	}

}
