package com.pyairtable.observability.autoconfigure.tracing;

import io.opentelemetry.sdk.trace.SpanLimits;

import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Moves the SDK's attribute length limit from the moment an attribute is set to the
 * export, after redaction: a secret cut by the SDK would no longer match the redactor's
 * patterns and would leave the process in part. The SDK then keeps values whole, and
 * {@link com.pyairtable.observability.tracing.RedactingSpanExporter} cuts them to the
 * same length once redacted.
 */
final class RedactFirstSpanLimits implements BeanPostProcessor {

	private volatile int maxAttributeValueLength = Integer.MAX_VALUE;

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof SpanLimits limits && limits.getMaxAttributeValueLength() != Integer.MAX_VALUE) {
			this.maxAttributeValueLength = limits.getMaxAttributeValueLength();
			return limits.toBuilder().setMaxAttributeValueLength(Integer.MAX_VALUE).build();
		}
		return bean;
	}

	/**
	 * The limit the application asked for, to apply after redaction.
	 * @return the length, {@link Integer#MAX_VALUE} for none
	 */
	int maxAttributeValueLength() {
		return this.maxAttributeValueLength;
	}

}
