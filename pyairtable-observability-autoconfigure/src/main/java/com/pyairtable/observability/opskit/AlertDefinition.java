package com.pyairtable.observability.opskit;

import java.util.function.DoubleFunction;

import org.jspecify.annotations.Nullable;

/**
 * One alert of the contract: its name, the rule group it belongs to, the feature whose
 * metrics it reads, its defaults, its texts, its expression and how to test it.
 *
 * @param name the alert name, such as {@code ServiceDown}
 * @param group the rule group, such as {@code service} or {@code airtable}
 * @param feature the feature key below {@code pyairtable.observability} whose
 * {@code .enabled} switch drops this alert (such as {@code metrics.airtable}), or
 * {@code null} for Spring's own metrics
 * @param defaults the defaults of section 6 of the contract
 * @param summary the summary annotation (may use {@code {{ $labels.x }}})
 * @param description the description annotation (may use {@code {{ $labels.x }}})
 * @param expression the PromQL expression for a threshold
 * @param tests the promtool test inputs for a threshold
 */
public record AlertDefinition(String name, String group, @Nullable String feature, AlertSettings defaults,
		String summary, String description, DoubleFunction<String> expression, RuleTestCase.Factory tests) {

}
