package com.pyairtable.observability.autoconfigure.database;

import com.pyairtable.observability.autoconfigure.cardinality.CardinalityObservabilityAutoConfiguration;
import com.pyairtable.observability.cardinality.CardinalityGuard;
import com.pyairtable.observability.database.DatabaseMetrics;
import com.pyairtable.observability.database.DatabaseObservationHandler;
import com.pyairtable.observability.database.DatabaseQueryObservationConvention;
import io.micrometer.common.KeyValue;
import net.ttddyy.observation.tracing.QueryContext;
import net.ttddyy.observation.tracing.QueryObservationConvention;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseObservabilityAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(AutoConfigurations
		.of(CardinalityObservabilityAutoConfiguration.class, DatabaseObservabilityAutoConfiguration.class));

	@Test
	void providesMetricsHandlerAndConventionWithoutQueryTextByDefault() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(DatabaseMetrics.class)
				.hasSingleBean(DatabaseObservationHandler.class)
				.hasSingleBean(DatabaseQueryObservationConvention.class);
			QueryContext query = new QueryContext();
			query.getQueries().add("SELECT * FROM orders WHERE id = ?");
			assertThat(context.getBean(DatabaseQueryObservationConvention.class).getHighCardinalityKeyValues(query))
				.extracting(KeyValue::getKey)
				.containsExactly("db.collection.name");
		});
	}

	@Test
	void statementsOutsideTracedWorkStartNoTraceUnlessAskedFor() {
		ApplicationContextRunner withTracer = this.runner.withBean(io.micrometer.tracing.Tracer.class,
				() -> io.micrometer.tracing.Tracer.NOOP);
		withTracer.run((context) -> assertThat(context).hasBean("jdbcOrphanSpanSuppressor"));
		withTracer.withPropertyValues("pyairtable.observability.database.root-spans=true")
			.run((context) -> assertThat(context).doesNotHaveBean("jdbcOrphanSpanSuppressor"));
	}

	@Test
	void backsOffWhenDisabled() {
		this.runner.withPropertyValues("pyairtable.observability.database.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(DatabaseMetrics.class)
				.doesNotHaveBean(DatabaseObservationHandler.class));
	}

	@Test
	void backsOffWithoutDatasourceMicrometer() {
		this.runner.withClassLoader(new FilteredClassLoader("net.ttddyy.observation"))
			.run((context) -> assertThat(context).doesNotHaveBean(DatabaseMetrics.class));
	}

	@Test
	void backsOffWhenTheGuardIsMissing() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DatabaseObservabilityAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(DatabaseMetrics.class));
	}

	@Test
	void backsOffWhenUserDefinesAQueryConvention() {
		QueryObservationConvention own = new QueryObservationConvention() {
		};
		this.runner.withBean("ownConvention", QueryObservationConvention.class, () -> own)
			.run((context) -> assertThat(context).doesNotHaveBean(DatabaseQueryObservationConvention.class)
				.hasSingleBean(DatabaseMetrics.class));
	}

	@Test
	void backsOffWhenUserDefinesMetrics() {
		this.runner.withBean("myMetrics", DatabaseMetrics.class, () -> new DatabaseMetrics(new CardinalityGuard(1, 1)))
			.run((context) -> assertThat(context).getBean(DatabaseMetrics.class)
				.isSameAs(context.getBean("myMetrics")));
	}

}
