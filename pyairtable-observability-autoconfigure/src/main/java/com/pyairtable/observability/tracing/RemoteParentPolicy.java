package com.pyairtable.observability.tracing;

/**
 * How {@link PolicySampler} treats the sampled flag of a remote parent, the
 * {@code traceparent} a caller sends: a caller must not be able to force traces past the
 * service's own limits, yet a trace should stay whole across the platform's services.
 */
public enum RemoteParentPolicy {

	/**
	 * The remote parent's flag decides, whatever the traces-per-second cap.
	 */
	HONOUR,

	/**
	 * The remote parent's flag decides, but a sampled one counts against the
	 * traces-per-second cap like a new trace: over the cap the trace is not sampled.
	 */
	CAP,

	/**
	 * The remote parent's flag is ignored: the rules, the ratio and the cap decide, as
	 * for a new trace (for edge services that face callers they do not trust).
	 */
	IGNORE

}
