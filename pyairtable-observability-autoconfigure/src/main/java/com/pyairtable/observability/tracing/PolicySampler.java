package com.pyairtable.observability.tracing;

import java.util.List;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.opentelemetry.sdk.trace.samplers.SamplingDecision;
import io.opentelemetry.sdk.trace.samplers.SamplingResult;

/**
 * The platform's head sampling policy: a local parent's decision is followed; a remote
 * parent's (a caller's {@code traceparent}) as the {@link RemoteParentPolicy} says; for a
 * new trace the first matching {@link SamplingRule} or else the default ratio decides,
 * consistently by trace id (the SDK's {@link Sampler#traceIdRatioBased(double)}), under a
 * traces-per-second cap. Traces it does not sample are still recorded
 * ({@link SamplingDecision#RECORD_ONLY}) when tail keeping is on, so that
 * {@link TailSamplingSpanProcessor} can keep them if their local root fails or is slow.
 * Decisions are counted once per trace entering this service.
 */
public class PolicySampler implements Sampler {

	private final List<SamplingRule> rules;

	private final double ratio;

	private final Sampler ratioSampler;

	private final TracesPerSecondLimiter limiter;

	private final boolean recordDropped;

	private final TracingMetrics metrics;

	private final RemoteParentPolicy remoteParent;

	/**
	 * Creates a sampler that honours a remote parent's decision whatever the cap.
	 * @param rules the ordered rules, first match wins
	 * @param ratio the ratio for traces no rule matches
	 * @param limiter the traces-per-second cap for new traces
	 * @param recordDropped whether dropped traces are recorded for tail keeping
	 * @param metrics where decisions are counted
	 */
	public PolicySampler(List<SamplingRule> rules, double ratio, TracesPerSecondLimiter limiter, boolean recordDropped,
			TracingMetrics metrics) {
		this(rules, ratio, limiter, recordDropped, metrics, RemoteParentPolicy.HONOUR);
	}

	/**
	 * Creates the sampler.
	 * @param rules the ordered rules, first match wins
	 * @param ratio the ratio for traces no rule matches
	 * @param limiter the traces-per-second cap for new traces, and for traces a remote
	 * parent sampled under {@link RemoteParentPolicy#CAP}
	 * @param recordDropped whether dropped traces are recorded for tail keeping
	 * @param metrics where decisions are counted
	 * @param remoteParent how a remote parent's sampled flag is treated
	 */
	public PolicySampler(List<SamplingRule> rules, double ratio, TracesPerSecondLimiter limiter, boolean recordDropped,
			TracingMetrics metrics, RemoteParentPolicy remoteParent) {
		this.remoteParent = remoteParent;
		this.rules = List.copyOf(rules);
		this.ratio = ratio;
		this.ratioSampler = Sampler.traceIdRatioBased(ratio);
		this.limiter = limiter;
		this.recordDropped = recordDropped;
		this.metrics = metrics;
	}

	@Override
	public SamplingResult shouldSample(Context parentContext, String traceId, String name, SpanKind spanKind,
			Attributes attributes, List<LinkData> parentLinks) {
		try {
			SpanContext parent = Span.fromContext(parentContext).getSpanContext();
			if (!parent.isValid()) {
				return sampleNewTrace(parentContext, traceId, name, spanKind, attributes, parentLinks);
			}
			if (!parent.isRemote()) {
				// A span under a local parent: the trace was decided when it entered this
				// service.
				return parent.isSampled() ? SamplingResult.recordAndSample() : notSampled();
			}
			return sampleUnderRemoteParent(parent.isSampled(), parentContext, traceId, name, spanKind, attributes,
					parentLinks);
		}
		catch (RuntimeException ex) {
			// Never fail the application's span: record it and let the tail decide.
			return notSampled();
		}
	}

	/**
	 * A local root whose parent came from a caller, whose flag the caller may have
	 * forged.
	 */
	private SamplingResult sampleUnderRemoteParent(boolean parentSampled, Context parentContext, String traceId,
			String name, SpanKind spanKind, Attributes attributes, List<LinkData> parentLinks) {
		switch (this.remoteParent) {
			case IGNORE:
				return sampleNewTrace(parentContext, traceId, name, spanKind, attributes, parentLinks);
			case CAP:
				if (parentSampled && !this.limiter.tryAcquire()) {
					this.metrics.decision(false, TracingMetricNames.REASON_PARENT_CAPPED);
					return notSampled();
				}
				break;
			default:
				break;
		}
		this.metrics.decision(parentSampled, TracingMetricNames.REASON_PARENT);
		return parentSampled ? SamplingResult.recordAndSample() : notSampled();
	}

	private SamplingResult sampleNewTrace(Context parentContext, String traceId, String name, SpanKind spanKind,
			Attributes attributes, List<LinkData> parentLinks) {
		RequestInfo request = RequestInfo.current();
		Sampler sampler = this.ratioSampler;
		String reason = TracingMetricNames.REASON_RATIO;
		for (SamplingRule rule : this.rules) {
			if (rule.matches(name, attributes, request)) {
				sampler = rule.sampler();
				reason = TracingMetricNames.REASON_RULE;
				break;
			}
		}
		boolean sampled = sampler.shouldSample(parentContext, traceId, name, spanKind, attributes, parentLinks)
			.getDecision() == SamplingDecision.RECORD_AND_SAMPLE;
		if (sampled && !this.limiter.tryAcquire()) {
			this.metrics.decision(false, TracingMetricNames.REASON_RATE_LIMITED);
			return notSampled();
		}
		this.metrics.decision(sampled, reason);
		return sampled ? SamplingResult.recordAndSample() : notSampled();
	}

	private SamplingResult notSampled() {
		return this.recordDropped ? SamplingResult.recordOnly() : SamplingResult.drop();
	}

	/**
	 * The ratio applied when no rule matches.
	 * @return the ratio
	 */
	public double getRatio() {
		return this.ratio;
	}

	/**
	 * How a remote parent's sampled flag is treated.
	 * @return the policy
	 */
	public RemoteParentPolicy getRemoteParent() {
		return this.remoteParent;
	}

	@Override
	public String getDescription() {
		return "PolicySampler{ratio=" + this.ratio + ", rules=" + this.rules.size() + ", remoteParent="
				+ this.remoteParent + "}";
	}

}
