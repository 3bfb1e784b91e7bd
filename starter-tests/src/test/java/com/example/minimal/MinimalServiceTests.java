package com.example.minimal;

import java.net.http.HttpResponse;
import java.time.Duration;

import com.pyairtable.observability.testsupport.LoopbackHttp;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter tried as a new user tries it: added to a plain web service, with only
 * {@code spring.application.name} set.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class MinimalServiceTests {

	@Autowired
	private Environment environment;

	@Test
	void prometheusScrapeCarriesTheIdentityTags() {
		assertThat(get("/orders").statusCode()).isEqualTo(200);
		HttpResponse<String> scrape = get("/actuator/prometheus");
		assertThat(scrape.statusCode()).isEqualTo(200);
		assertThat(scrape.body()).containsPattern(
				"http_server_requests_seconds_count\\{environment=\"development\",error=\"none\",exception=\"none\",method=\"GET\",outcome=\"SUCCESS\",service=\"orders-service\",status=\"200\",tier=\"application\",uri=\"/orders\",version=\"unknown\"} 1")
			.containsPattern(
					"jvm_threads_live_threads\\{environment=\"development\",service=\"orders-service\",tier=\"application\",version=\"unknown\"}");
	}

	@Test
	void platformProbesAnswer() {
		for (String path : new String[] { "/health/live", "/health/ready", "/live", "/ready", "/health" }) {
			HttpResponse<String> response = get(path);
			assertThat(response.statusCode()).as(path).isEqualTo(200);
			assertThat(response.body()).as(path).contains("\"status\":\"UP\"");
		}
		assertThat(get("/metrics").body()).contains("service=\"orders-service\"");
	}

	@Autowired
	private org.springframework.context.ApplicationContext context;

	@Test
	void aServiceWithoutADatabaseGetsNoDataSourceFromTheJdbcInstrumentation() {
		// The starter brings no JDBC (StarterDependenciesTests): nothing creates a
		// DataSource,
		// so there is nothing to wrap and no db health.
		assertThat(this.context.getBeanNamesForType(javax.sql.DataSource.class)).isEmpty();
		assertThat(get("/actuator/health").body()).doesNotContain("\"db\"");
		assertThat(get("/actuator/prometheus").body()).doesNotContain("database_operations_total{");
	}

	@Test
	void onlyHealthInfoAndPrometheusAreExposed() {
		for (String path : new String[] { "/actuator/env", "/actuator/configprops", "/actuator/heapdump",
				"/actuator/beans", "/actuator/metrics" }) {
			assertThat(get(path).statusCode()).as(path).isEqualTo(404);
		}
		assertThat(get("/actuator/info").statusCode()).isEqualTo(200);
	}

	private HttpResponse<String> get(String path) {
		int port = this.environment.getRequiredProperty("local.server.port", Integer.class);
		return LoopbackHttp.send(LoopbackHttp.request(port, path, Duration.ofSeconds(10)).build());
	}

}
