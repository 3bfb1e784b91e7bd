package com.pyairtable.observability.autoconfigure.tracing;

import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Matches when {@code pyairtable.observability.tracing.export.endpoint} is set and not
 * blank: a blank endpoint (an unset variable in {@code ${OTEL_ENDPOINT:}}) means no
 * export.
 */
class OnExportEndpointCondition extends SpringBootCondition {

	static final String KEY = ObservabilityTracingProperties.PREFIX + ".export.endpoint";

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		ConditionMessage.Builder message = ConditionMessage.forCondition("OTLP span export endpoint");
		boolean set = Binder.get(context.getEnvironment())
			.bind(KEY, String.class)
			.map(StringUtils::hasText)
			.orElse(false);
		return set ? ConditionOutcome.match(message.found("property").items(KEY))
				: ConditionOutcome.noMatch(message.didNotFind("property").items(KEY));
	}

}
