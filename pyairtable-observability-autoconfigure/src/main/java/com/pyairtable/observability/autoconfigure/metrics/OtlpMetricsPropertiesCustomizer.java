package com.pyairtable.observability.autoconfigure.metrics;

import java.util.LinkedHashMap;
import java.util.Map;

import com.pyairtable.observability.autoconfigure.core.ConfiguredProperties;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.otlp.OtlpMetricsProperties;
import org.springframework.core.env.Environment;

/**
 * Gives Spring Boot's bound {@link OtlpMetricsProperties} the step, timeout and headers
 * of {@code pyairtable.observability.metrics.otlp} wherever the application did not set
 * Boot's own key. Boot reads these from its properties alone (its meter registry's config
 * and HTTP sender are package-private), so the values are handed over there, once, after
 * Boot bound them.
 */
final class OtlpMetricsPropertiesCustomizer implements BeanPostProcessor {

	private static final String BOOT_PREFIX = "management.otlp.metrics.export.";

	private final ObjectProvider<OtlpMetricsExportProperties> properties;

	private final Environment environment;

	OtlpMetricsPropertiesCustomizer(ObjectProvider<OtlpMetricsExportProperties> properties, Environment environment) {
		this.properties = properties;
		this.environment = environment;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof OtlpMetricsProperties boot) {
			customize(boot, this.properties.getObject());
		}
		return bean;
	}

	private void customize(OtlpMetricsProperties boot, OtlpMetricsExportProperties ours) {
		if (!isSet("step")) {
			boot.setStep(ours.getStep());
		}
		if (!isSet("read-timeout")) {
			boot.setReadTimeout(ours.getTimeout());
		}
		if (ours.getHeaders().isEmpty()) {
			return;
		}
		Map<String, String> bootHeaders = boot.getHeaders();
		Map<String, String> headers = new LinkedHashMap<>();
		ours.getHeaders().forEach((name, value) -> {
			// Header names are case-insensitive: Boot's header of the same name wins.
			if (bootHeaders == null || bootHeaders.keySet().stream().noneMatch(name::equalsIgnoreCase)) {
				headers.put(name, value);
			}
		});
		if (bootHeaders != null) {
			headers.putAll(bootHeaders);
		}
		boot.setHeaders(headers);
	}

	private boolean isSet(String bootKey) {
		return ConfiguredProperties.isSet(this.environment, BOOT_PREFIX + bootKey);
	}

}
