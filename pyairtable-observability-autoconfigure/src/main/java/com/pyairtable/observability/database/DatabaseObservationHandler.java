package com.pyairtable.observability.database;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import net.ttddyy.observation.tracing.ConnectionContext;
import net.ttddyy.observation.tracing.DataSourceBaseContext;
import net.ttddyy.observation.tracing.QueryContext;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Turns datasource-micrometer's {@code jdbc.query} observations into
 * {@link DatabaseMetrics}, and its failed {@code jdbc.connection} observations (the pool
 * or the driver could not hand out a connection) into {@code database_errors_total}.
 * Never throws.
 */
public class DatabaseObservationHandler implements ObservationHandler<DataSourceBaseContext> {

	private static final Log logger = LogFactory.getLog(DatabaseObservationHandler.class);

	private static final String START = DatabaseObservationHandler.class.getName() + ".start";

	private final DatabaseMetrics metrics;

	/**
	 * Creates the handler.
	 * @param metrics where to record
	 */
	public DatabaseObservationHandler(DatabaseMetrics metrics) {
		this.metrics = metrics;
	}

	@Override
	public boolean supportsContext(Observation.Context context) {
		return context instanceof QueryContext || context instanceof ConnectionContext;
	}

	@Override
	public void onStart(DataSourceBaseContext context) {
		if (context instanceof QueryContext) {
			context.put(START, System.nanoTime());
		}
	}

	@Override
	public void onStop(DataSourceBaseContext context) {
		try {
			if (context instanceof QueryContext query) {
				Long start = query.get(START);
				if (start != null) {
					String sql = query.getQueries().isEmpty() ? null : query.getQueries().get(0);
					this.metrics.recordQuery(SqlStatement.of(sql).operation(), System.nanoTime() - start,
							query.getError());
				}
			}
			else if (context.getError() != null) {
				this.metrics.recordError(context.getError());
			}
		}
		catch (RuntimeException ex) {
			logger.debug("Could not record a JDBC observation", ex);
		}
	}

}
