package com.pyairtable.observability.tracing;

import java.util.function.Predicate;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationView;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.handler.TracingObservationHandler;

/**
 * Keeps data-access observations (JDBC statements, Redis commands) that belong to no
 * traced work from starting traces of their own, while their metrics are still recorded:
 * a health probe's {@code SELECT 1} or {@code PING}, run while the probe itself is not
 * traced, would otherwise make a root span every few seconds. Placed first in Spring
 * Boot's first-matching group of tracing handlers, it claims such observations and does
 * nothing with them; an observation with a traced parent goes on to the usual handlers.
 */
public class OrphanSpanSuppressor implements TracingObservationHandler<Observation.Context> {

	private final Tracer tracer;

	private final Predicate<Observation.Context> dataAccess;

	/**
	 * Creates the handler.
	 * @param tracer the tracer, asked whether a span is current
	 * @param dataAccess which observations are data access (and may be orphans)
	 */
	public OrphanSpanSuppressor(Tracer tracer, Predicate<Observation.Context> dataAccess) {
		this.tracer = tracer;
		this.dataAccess = dataAccess;
	}

	@Override
	public boolean supportsContext(Observation.Context context) {
		if (!this.dataAccess.test(context)) {
			return false;
		}
		// Parents that are themselves data access (a result set under its statement) do
		// not
		// make a trace either: only work outside the data layer does.
		ObservationView parent = context.getParentObservation();
		while (parent != null) {
			if (!(parent.getContextView() instanceof Observation.Context parentContext)
					|| !this.dataAccess.test(parentContext)) {
				return false;
			}
			parent = parent.getContextView().getParentObservation();
		}
		return this.tracer.currentSpan() == null;
	}

	@Override
	public void onStart(Observation.Context context) {
		// An empty tracing context, spanless: handlers that look for one (the meter
		// handler
		// adding exemplars) find it and see no span.
		getTracingContext(context);
	}

	@Override
	public void onStop(Observation.Context context) {
	}

	@Override
	public void onError(Observation.Context context) {
	}

	@Override
	public void onEvent(Observation.Event event, Observation.Context context) {
	}

	@Override
	public void onScopeOpened(Observation.Context context) {
	}

	@Override
	public void onScopeClosed(Observation.Context context) {
	}

	@Override
	public void onScopeReset(Observation.Context context) {
	}

	@Override
	public Tracer getTracer() {
		return this.tracer;
	}

}
