package com.pyairtable.observability.database;

import java.util.function.UnaryOperator;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import net.ttddyy.observation.tracing.QueryContext;
import net.ttddyy.observation.tracing.QueryObservationConvention;
import org.jspecify.annotations.Nullable;

/**
 * Names a {@code jdbc.query} span after its statement ({@code select orders}) and gives
 * it the operation and table; the SQL text (with its placeholders, never the bound
 * values) only when asked for, redacted. Replaces datasource-micrometer's default
 * convention, which puts the SQL text on every span and, when configured, the parameter
 * values too.
 */
public class DatabaseQueryObservationConvention implements QueryObservationConvention {

	private final boolean includeQueryText;

	private final UnaryOperator<@Nullable String> redactor;

	/**
	 * Creates the convention.
	 * @param includeQueryText whether spans carry the SQL text
	 * @param redactor the redaction the SQL text passes through
	 */
	public DatabaseQueryObservationConvention(boolean includeQueryText, UnaryOperator<@Nullable String> redactor) {
		this.includeQueryText = includeQueryText;
		this.redactor = redactor;
	}

	@Override
	public String getContextualName(QueryContext context) {
		SqlStatement statement = statement(context);
		return (statement.table() != null) ? statement.operation() + " " + statement.table() : statement.operation();
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(QueryContext context) {
		KeyValues values = KeyValues.of(DatabaseMetricNames.SPAN_OPERATION, statement(context).operation());
		String dataSource = context.getDataSourceName();
		return (dataSource != null) ? values.and(DatabaseMetricNames.SPAN_DATASOURCE, dataSource) : values;
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(QueryContext context) {
		KeyValues values = KeyValues.empty();
		String table = statement(context).table();
		if (table != null) {
			values = values.and(DatabaseMetricNames.SPAN_TABLE, table);
		}
		if (this.includeQueryText && !context.getQueries().isEmpty()) {
			String text = this.redactor.apply(String.join(";\n", context.getQueries()));
			if (text != null) {
				values = values.and(KeyValue.of(DatabaseMetricNames.SPAN_QUERY_TEXT, text));
			}
		}
		return values;
	}

	private static SqlStatement statement(QueryContext context) {
		return SqlStatement.of(context.getQueries().isEmpty() ? null : context.getQueries().get(0));
	}

}
