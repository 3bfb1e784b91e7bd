package com.pyairtable.observability.autoconfigure.core;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Conditional;

/**
 * Matches when the starter is enabled ({@code pyairtable.observability.enabled}) and,
 * when a feature is named, that feature too
 * ({@code pyairtable.observability.<feature>.enabled}); both default to true.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
@Documented
@Conditional(OnObservabilityEnabledCondition.class)
public @interface ConditionalOnObservabilityEnabled {

	/**
	 * The feature's key below {@code pyairtable.observability}, such as
	 * {@code endpoints.compat-paths} or {@code metrics.airtable}; empty for the starter
	 * as a whole.
	 * @return the feature key
	 */
	String value() default "";

}
