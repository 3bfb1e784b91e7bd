package com.pyairtable.observability.reference;

import java.nio.file.Path;
import java.util.List;

import com.pyairtable.observability.airtable.AirtableMetricNames;
import com.pyairtable.observability.llm.LlmMetricNames;
import com.pyairtable.observability.saga.SagaMetricNames;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code docs/reference/metrics.md} lists every meter name constant of the runtime
 * packages.
 */
class MetricsReferenceTests {

	private static final Path SOURCES = ReferencePage.moduleDirectory().resolve("src/main/java");

	@Test
	void committedPageIsTheOneGeneratedFromTheCode() {
		new ReferencePage("metrics.md", "MetricsReferenceTests").verify(MetricsReference.generate(SOURCES));
	}

	@Test
	void everyMeterNameConstantIsFoundAndNoTagOrValueIs() {
		List<MetricsReference.Meter> meters = MetricsReference.meters(SOURCES);
		assertThat(meters).extracting(MetricsReference.Meter::name)
			.contains(AirtableMetricNames.REQUESTS, LlmMetricNames.COST, SagaMetricNames.STEP_DURATION)
			.doesNotContain(AirtableMetricNames.BASE_TAG, LlmMetricNames.SUCCESS)
			.doesNotHaveDuplicates();
		assertThat(meters).allSatisfy((meter) -> assertThat(meter.name()).matches("[a-z0-9]+(\\.[a-z0-9]+)+"));
	}

	@Test
	void prometheusNamesFollowTheMeterType() {
		String page = MetricsReference.generate(SOURCES);
		assertThat(page).contains(
				"| `airtable_api_requests_total{base,table,operation,status}` | counter | `airtable.api.requests` |")
			.contains("| `llm_active_sessions` | gauge | `llm.active.sessions` |");
	}

}
