package com.pyairtable.observability.autoconfigure.core;

import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Condition behind {@link ConditionalOnObservabilityEnabled}.
 */
class OnObservabilityEnabledCondition extends SpringBootCondition {

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		Map<String, Object> attributes = metadata
			.getAnnotationAttributes(ConditionalOnObservabilityEnabled.class.getName());
		String feature = (attributes != null) ? (String) attributes.get("value") : "";
		ConditionMessage.Builder message = ConditionMessage.forCondition(ConditionalOnObservabilityEnabled.class,
				feature.isEmpty() ? "" : "(" + feature + ")");
		String disabledKey = ObservabilityFeatures.disabledKey(context.getEnvironment(), feature);
		if (disabledKey != null) {
			return ConditionOutcome.noMatch(message.because(disabledKey + " is false"));
		}
		return ConditionOutcome.match(message.because("enabled"));
	}

}
