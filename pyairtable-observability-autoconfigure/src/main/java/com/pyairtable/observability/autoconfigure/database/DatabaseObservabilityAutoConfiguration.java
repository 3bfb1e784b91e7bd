package com.pyairtable.observability.autoconfigure.database;

import com.pyairtable.observability.autoconfigure.cardinality.CardinalityObservabilityAutoConfiguration;
import com.pyairtable.observability.autoconfigure.core.ConditionalOnObservabilityEnabled;
import com.pyairtable.observability.autoconfigure.logging.LoggingObservabilityAutoConfiguration;
import com.pyairtable.observability.cardinality.CardinalityGuard;
import com.pyairtable.observability.database.DatabaseMetrics;
import com.pyairtable.observability.database.DatabaseObservationHandler;
import com.pyairtable.observability.database.DatabaseQueryObservationConvention;
import com.pyairtable.observability.logging.SecretRedactor;
import com.pyairtable.observability.tracing.OrphanSpanSuppressor;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.handler.TracingObservationHandler;
import net.ttddyy.observation.boot.autoconfigure.DataSourceObservationAutoConfiguration;
import net.ttddyy.observation.tracing.DataSourceBaseContext;
import net.ttddyy.observation.tracing.QueryContext;
import net.ttddyy.observation.tracing.QueryObservationConvention;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * Every JDBC statement of every {@code DataSource} as an Observation, through
 * datasource-micrometer (which wraps each {@code DataSource} bean in a proxy): spans
 * named after the statement's operation and table, and the metrics of
 * {@link DatabaseMetrics}. HikariCP's pool metrics are Spring Boot's, untouched.
 */
@AutoConfiguration(after = { CardinalityObservabilityAutoConfiguration.class,
		LoggingObservabilityAutoConfiguration.class, MicrometerTracingAutoConfiguration.class },
		before = DataSourceObservationAutoConfiguration.class)
@ConditionalOnClass({ QueryContext.class, DataSourceObservationAutoConfiguration.class, MeterRegistry.class })
@ConditionalOnBean(CardinalityGuard.class)
@ConditionalOnObservabilityEnabled("database")
@EnableConfigurationProperties(DatabaseObservabilityProperties.class)
public final class DatabaseObservabilityAutoConfiguration {

	DatabaseObservabilityAutoConfiguration() {
	}

	@Bean
	@ConditionalOnMissingBean
	DatabaseMetrics databaseMetrics(CardinalityGuard guard) {
		return new DatabaseMetrics(guard);
	}

	@Bean
	@ConditionalOnMissingBean
	DatabaseObservationHandler databaseObservationHandler(DatabaseMetrics metrics) {
		return new DatabaseObservationHandler(metrics);
	}

	@Bean
	@ConditionalOnMissingBean(QueryObservationConvention.class)
	DatabaseQueryObservationConvention databaseQueryObservationConvention(DatabaseObservabilityProperties properties,
			ObjectProvider<SecretRedactor> redactor) {
		SecretRedactor secretRedactor = redactor.getIfAvailable();
		// Without a redactor bean the application turned redaction off on purpose.
		return new DatabaseQueryObservationConvention(properties.isIncludeQueryText(),
				(secretRedactor != null) ? secretRedactor::redact : (text) -> text);
	}

	/**
	 * Statements outside any traced work (a health probe's validation query) are measured
	 * but start no trace, unless asked for.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ TracingObservationHandler.class, MicrometerTracingAutoConfiguration.class })
	@ConditionalOnBean(Tracer.class)
	@ConditionalOnBooleanProperty(name = DatabaseObservabilityProperties.PREFIX + ".root-spans", havingValue = false,
			matchIfMissing = true)
	static class OrphanSpansConfiguration {

		@Bean
		// Before Spring Boot's propagating handlers, which would otherwise claim it
		// first.
		@Order(MicrometerTracingAutoConfiguration.RECEIVER_TRACING_OBSERVATION_HANDLER_ORDER - 100)
		@ConditionalOnMissingBean(name = "jdbcOrphanSpanSuppressor")
		OrphanSpanSuppressor jdbcOrphanSpanSuppressor(Tracer tracer) {
			return new OrphanSpanSuppressor(tracer, DataSourceBaseContext.class::isInstance);
		}

	}

}
