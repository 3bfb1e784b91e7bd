package com.pyairtable.observability.autoconfigure.core;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Reports a failure to bind one of the starter's properties as Spring Boot does, but with
 * the value and the reason redacted ({@link PropertyValues}): Boot's own analysis quotes
 * the raw value, which may be an endpoint with credentials or a header holding a token.
 * Runs before Boot's analyzer and leaves every other property to it.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ObservabilityBindFailureAnalyzer extends AbstractFailureAnalyzer<BindException> {

	@Override
	protected @Nullable FailureAnalysis analyze(Throwable rootFailure, BindException cause) {
		if (!cause.getName().toString().startsWith(ObservabilityProperties.PREFIX)) {
			return null;
		}
		// Boot's message names the property and its type, never the value.
		StringBuilder description = new StringBuilder(String.format("%s:%n", cause.getMessage()));
		ConfigurationProperty property = cause.getProperty();
		if (property != null) {
			description.append(String.format("%n    Property: %s", property.getName()));
			description.append(String.format("%n    Value: \"%s\"", PropertyValues.forMessage(property.getValue())));
			description.append(String.format("%n    Origin: %s", property.getOrigin()));
		}
		description.append(String.format("%n    Reason: %s", PropertyValues.message(reason(cause))));
		return new FailureAnalysis(description.toString(), action(cause), cause);
	}

	/** Boot's action, with the values an enum property accepts. */
	private static String action(BindException cause) {
		StringBuilder action = new StringBuilder("Update your application's configuration");
		Class<?> target = cause.getTarget().getType().resolve();
		Object[] values = (target != null && target.isEnum()) ? target.getEnumConstants() : null;
		if (values != null && values.length > 0) {
			action.append(String.format(". The following values are valid:%n"));
			for (Object value : values) {
				action.append(String.format("%n    %s", value));
			}
		}
		return action.toString();
	}

	private static String reason(BindException cause) {
		Throwable root = cause;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String message = root.getMessage();
		return root.getClass().getName() + ((message != null && !message.isBlank()) ? ": " + message : "");
	}

}
