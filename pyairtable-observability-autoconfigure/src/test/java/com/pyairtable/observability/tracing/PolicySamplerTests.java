package com.pyairtable.observability.tracing;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.IdGenerator;
import io.opentelemetry.sdk.trace.samplers.SamplingDecision;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PolicySamplerTests {

	private final TracingMetrics metrics = new TracingMetrics();

	private final AtomicLong clock = new AtomicLong();

	@Test
	void firstMatchingRuleGivesTheRatio() {
		PolicySampler sampler = sampler(List.of(SamplingRule.never("/actuator/**"),
				new SamplingRule("/api/**", "POST", null, null, null, 1.0), SamplingRule.never("/api/**")), 0.0, 0);
		assertThat(decide(sampler, new RequestInfo("POST", "/api/v1/bases")))
			.isEqualTo(SamplingDecision.RECORD_AND_SAMPLE);
		assertThat(decide(sampler, new RequestInfo("GET", "/api/v1/bases"))).isEqualTo(SamplingDecision.RECORD_ONLY);
		assertThat(decide(sampler, new RequestInfo("POST", "/actuator/health")))
			.isEqualTo(SamplingDecision.RECORD_ONLY);
		assertThat(this.metrics.decisionCount(TracingMetricNames.SAMPLED, TracingMetricNames.REASON_RULE)).isEqualTo(1);
		assertThat(this.metrics.decisionCount(TracingMetricNames.DROPPED, TracingMetricNames.REASON_RULE)).isEqualTo(2);
	}

	@Test
	void ruleMatchesSpanNameAndAttributeValue() {
		SamplingRule rule = new SamplingRule(null, null, "llm.call", "llm.model", "gpt", 1.0);
		assertThat(rule.matches("llm.call",
				Attributes.of(io.opentelemetry.api.common.AttributeKey.stringKey("llm.model"), "gpt"), null))
			.isTrue();
		assertThat(rule.matches("llm.call", Attributes.empty(), null)).isFalse();
		assertThat(rule.matches("other",
				Attributes.of(io.opentelemetry.api.common.AttributeKey.stringKey("llm.model"), "gpt"), null))
			.isFalse();
	}

	@Test
	void ratioIsConsistentByTraceId() {
		PolicySampler first = sampler(List.of(), 0.3, 0);
		PolicySampler second = sampler(List.of(), 0.3, 0);
		int sampled = 0;
		for (int i = 0; i < 2000; i++) {
			String traceId = IdGenerator.random().generateTraceId();
			SamplingDecision decision = first
				.shouldSample(Context.root(), traceId, "span", SpanKind.SERVER, Attributes.empty(), List.of())
				.getDecision();
			assertThat(
					second.shouldSample(Context.root(), traceId, "span", SpanKind.SERVER, Attributes.empty(), List.of())
						.getDecision())
				.isEqualTo(decision);
			sampled += (decision == SamplingDecision.RECORD_AND_SAMPLE) ? 1 : 0;
		}
		assertThat(sampled).isBetween(450, 750);
	}

	@Test
	void remoteParentDecisionIsHonouredAndCounted() {
		PolicySampler sampler = sampler(List.of(), 0.0, 0);
		assertThat(decideWithParent(sampler, TraceFlags.getSampled())).isEqualTo(SamplingDecision.RECORD_AND_SAMPLE);
		assertThat(decideWithParent(sampler, TraceFlags.getDefault())).isEqualTo(SamplingDecision.RECORD_ONLY);
		assertThat(this.metrics.decisionCount(TracingMetricNames.SAMPLED, TracingMetricNames.REASON_PARENT))
			.isEqualTo(1);
		assertThat(this.metrics.decisionCount(TracingMetricNames.DROPPED, TracingMetricNames.REASON_PARENT))
			.isEqualTo(1);
	}

	@Test
	void honourFollowsSampledRemoteParentsPastTheCap() {
		PolicySampler sampler = sampler(List.of(), 0.0, 2, RemoteParentPolicy.HONOUR);
		for (int i = 0; i < 10; i++) {
			assertThat(decideWithParent(sampler, TraceFlags.getSampled()))
				.isEqualTo(SamplingDecision.RECORD_AND_SAMPLE);
		}
		assertThat(this.metrics.decisionCount(TracingMetricNames.SAMPLED, TracingMetricNames.REASON_PARENT))
			.isEqualTo(10);
	}

	@Test
	void capFollowsSampledRemoteParentsOnlyWithinTheCap() {
		PolicySampler sampler = sampler(List.of(), 0.0, 10, RemoteParentPolicy.CAP);
		int kept = 0;
		for (int i = 0; i < 100; i++) {
			kept += (decideWithParent(sampler, TraceFlags.getSampled()) == SamplingDecision.RECORD_AND_SAMPLE) ? 1 : 0;
		}
		assertThat(kept).isEqualTo(10);
		assertThat(this.metrics.decisionCount(TracingMetricNames.SAMPLED, TracingMetricNames.REASON_PARENT))
			.isEqualTo(10);
		assertThat(this.metrics.decisionCount(TracingMetricNames.DROPPED, TracingMetricNames.REASON_PARENT_CAPPED))
			.isEqualTo(90);
		this.clock.addAndGet(500_000_000L);
		kept = 0;
		for (int i = 0; i < 100; i++) {
			kept += (decideWithParent(sampler, TraceFlags.getSampled()) == SamplingDecision.RECORD_AND_SAMPLE) ? 1 : 0;
		}
		assertThat(kept).isEqualTo(5);
	}

	@Test
	void capSharesOneBudgetBetweenRemoteParentsAndNewTraces() {
		PolicySampler sampler = sampler(List.of(), 1.0, 10, RemoteParentPolicy.CAP);
		for (int i = 0; i < 10; i++) {
			assertThat(decideWithParent(sampler, TraceFlags.getSampled()))
				.isEqualTo(SamplingDecision.RECORD_AND_SAMPLE);
		}
		assertThat(decide(sampler, null)).isEqualTo(SamplingDecision.RECORD_ONLY);
		assertThat(this.metrics.decisionCount(TracingMetricNames.DROPPED, TracingMetricNames.REASON_RATE_LIMITED))
			.isEqualTo(1);
	}

	@Test
	void capFollowsUnsampledRemoteParentsWithoutTakingFromTheCap() {
		PolicySampler sampler = sampler(List.of(), 1.0, 1, RemoteParentPolicy.CAP);
		for (int i = 0; i < 5; i++) {
			// Still recorded, so that the tail step can keep it if it fails or is slow.
			assertThat(decideWithParent(sampler, TraceFlags.getDefault())).isEqualTo(SamplingDecision.RECORD_ONLY);
		}
		assertThat(this.metrics.decisionCount(TracingMetricNames.DROPPED, TracingMetricNames.REASON_PARENT))
			.isEqualTo(5);
		assertThat(decide(sampler, null)).isEqualTo(SamplingDecision.RECORD_AND_SAMPLE);
	}

	@Test
	void ignoreDecidesRemoteParentsByTheServicesOwnPolicy() {
		PolicySampler never = sampler(List.of(), 0.0, 0, RemoteParentPolicy.IGNORE);
		assertThat(decideWithParent(never, TraceFlags.getSampled())).isEqualTo(SamplingDecision.RECORD_ONLY);
		PolicySampler always = sampler(List.of(SamplingRule.never("/actuator/**")), 1.0, 0, RemoteParentPolicy.IGNORE);
		assertThat(decideWithParent(always, TraceFlags.getDefault())).isEqualTo(SamplingDecision.RECORD_AND_SAMPLE);
		try (RequestInfo.Restorer restorer = new RequestInfo("GET", "/actuator/health").makeCurrent()) {
			assertThat(decideWithParent(always, TraceFlags.getSampled())).isEqualTo(SamplingDecision.RECORD_ONLY);
		}
		assertThat(this.metrics.decisionCount(TracingMetricNames.DROPPED, TracingMetricNames.REASON_RATIO))
			.isEqualTo(1);
		assertThat(this.metrics.decisionCount(TracingMetricNames.SAMPLED, TracingMetricNames.REASON_RATIO))
			.isEqualTo(1);
		assertThat(this.metrics.decisionCount(TracingMetricNames.DROPPED, TracingMetricNames.REASON_RULE)).isEqualTo(1);
		assertThat(this.metrics.decisionCount(TracingMetricNames.SAMPLED, TracingMetricNames.REASON_PARENT)
				+ this.metrics.decisionCount(TracingMetricNames.DROPPED, TracingMetricNames.REASON_PARENT))
			.isZero();
	}

	@Test
	void ignoreKeepsTheCapForCallersSampledFlags() {
		PolicySampler sampler = sampler(List.of(), 1.0, 3, RemoteParentPolicy.IGNORE);
		int kept = 0;
		for (int i = 0; i < 20; i++) {
			kept += (decideWithParent(sampler, TraceFlags.getSampled()) == SamplingDecision.RECORD_AND_SAMPLE) ? 1 : 0;
		}
		assertThat(kept).isEqualTo(3);
		assertThat(this.metrics.decisionCount(TracingMetricNames.DROPPED, TracingMetricNames.REASON_RATE_LIMITED))
			.isEqualTo(17);
	}

	@Test
	void localParentsAreFollowedInEveryModeWithoutTakingFromTheCap() {
		for (RemoteParentPolicy policy : RemoteParentPolicy.values()) {
			PolicySampler sampler = sampler(List.of(), 0.0, 1, policy);
			for (int i = 0; i < 5; i++) {
				assertThat(decideWithLocalParent(sampler, TraceFlags.getSampled())).as(policy.name())
					.isEqualTo(SamplingDecision.RECORD_AND_SAMPLE);
				assertThat(decideWithLocalParent(sampler, TraceFlags.getDefault())).as(policy.name())
					.isEqualTo(SamplingDecision.RECORD_ONLY);
			}
		}
		assertThat(this.metrics.decisionCount(TracingMetricNames.DROPPED, TracingMetricNames.REASON_PARENT_CAPPED))
			.isZero();
		assertThat(this.metrics.decisionCount(TracingMetricNames.SAMPLED, TracingMetricNames.REASON_PARENT)).isZero();
	}

	@Test
	void droppedTracesAreNotRecordedWhenTailIsOff() {
		PolicySampler sampler = new PolicySampler(List.of(), 0.0, new TracesPerSecondLimiter(0, this.clock::get), false,
				this.metrics);
		assertThat(decide(sampler, null)).isEqualTo(SamplingDecision.DROP);
	}

	@Test
	void capHoldsAndRefillsWithTime() {
		PolicySampler sampler = sampler(List.of(), 1.0, 10);
		int kept = 0;
		for (int i = 0; i < 100; i++) {
			kept += (decide(sampler, null) == SamplingDecision.RECORD_AND_SAMPLE) ? 1 : 0;
		}
		assertThat(kept).isEqualTo(10);
		assertThat(this.metrics.decisionCount(TracingMetricNames.DROPPED, TracingMetricNames.REASON_RATE_LIMITED))
			.isEqualTo(90);
		this.clock.addAndGet(500_000_000L);
		kept = 0;
		for (int i = 0; i < 100; i++) {
			kept += (decide(sampler, null) == SamplingDecision.RECORD_AND_SAMPLE) ? 1 : 0;
		}
		assertThat(kept).isEqualTo(5);
	}

	private PolicySampler sampler(List<SamplingRule> rules, double ratio, double perSecond) {
		return new PolicySampler(rules, ratio, new TracesPerSecondLimiter(perSecond, this.clock::get), true,
				this.metrics);
	}

	private PolicySampler sampler(List<SamplingRule> rules, double ratio, double perSecond, RemoteParentPolicy policy) {
		return new PolicySampler(rules, ratio, new TracesPerSecondLimiter(perSecond, this.clock::get), true,
				this.metrics, policy);
	}

	private static SamplingDecision decide(PolicySampler sampler, RequestInfo request) {
		if (request == null) {
			return decideNow(sampler);
		}
		try (RequestInfo.Restorer restorer = request.makeCurrent()) {
			return decideNow(sampler);
		}
	}

	private static SamplingDecision decideNow(PolicySampler sampler) {
		return sampler
			.shouldSample(Context.root(), IdGenerator.random().generateTraceId(), "http get", SpanKind.SERVER,
					Attributes.empty(), List.of())
			.getDecision();
	}

	private static SamplingDecision decideWithParent(PolicySampler sampler, TraceFlags flags) {
		SpanContext parent = SpanContext.createFromRemoteParent(IdGenerator.random().generateTraceId(),
				IdGenerator.random().generateSpanId(), flags, TraceState.getDefault());
		return decideUnder(sampler, parent);
	}

	private static SamplingDecision decideWithLocalParent(PolicySampler sampler, TraceFlags flags) {
		SpanContext parent = SpanContext.create(IdGenerator.random().generateTraceId(),
				IdGenerator.random().generateSpanId(), flags, TraceState.getDefault());
		return decideUnder(sampler, parent);
	}

	private static SamplingDecision decideUnder(PolicySampler sampler, SpanContext parent) {
		Context context = Context.root().with(Span.wrap(parent));
		return sampler
			.shouldSample(context, parent.getTraceId(), "http get", SpanKind.SERVER, Attributes.empty(), List.of())
			.getDecision();
	}

}
