package com.pyairtable.observability.logging.otlp;

import java.util.function.Function;

import io.opentelemetry.sdk.logs.export.LogRecordExporter;

import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Wraps every {@link LogRecordExporter} bean (Spring Boot's OTLP exporter and the
 * application's own) with {@link PlatformLogRecordExporter}.
 */
public class LogRecordExporterPostProcessor implements BeanPostProcessor {

	private final Function<LogRecordExporter, PlatformLogRecordExporter> wrapper;

	/**
	 * Creates the post-processor.
	 * @param wrapper wraps one exporter
	 */
	public LogRecordExporterPostProcessor(Function<LogRecordExporter, PlatformLogRecordExporter> wrapper) {
		this.wrapper = wrapper;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof LogRecordExporter exporter && !(bean instanceof PlatformLogRecordExporter)) {
			return this.wrapper.apply(exporter);
		}
		return bean;
	}

}
