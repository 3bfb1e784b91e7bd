package com.pyairtable.observability.autoconfigure.opskit;

import com.pyairtable.observability.opskit.OpsKitWriteException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports a kit that {@code pyairtable.observability.ops-kit.write-to} could not write as
 * Boot reports a startup failure: the path at fault, then the property to set or the
 * directory to name instead.
 */
class OpsKitWriteFailureAnalyzer extends AbstractFailureAnalyzer<OpsKitWriteException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, OpsKitWriteException cause) {
		return new FailureAnalysis(cause.getDescription(), cause.getAction(), cause);
	}

}
