package com.pyairtable.observability.autoconfigure.opskit;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * When {@code pyairtable.observability.ops-kit.write-to} is set, starts the application
 * without a web server (and without the sample traffic that waits for one), so that it
 * only writes the kit and exits.
 */
public class OpsKitWriteEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	/** Name of the property source that turns the web server off. */
	public static final String PROPERTY_SOURCE_NAME = "pyairtableOpsKitWrite";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String writeTo = environment.getProperty(OpsKitProperties.PREFIX + ".write-to");
		if (writeTo != null && !writeTo.isBlank()) {
			environment.getPropertySources()
				.addFirst(new MapPropertySource(PROPERTY_SOURCE_NAME,
						Map.of("spring.main.web-application-type", "none", "spring.main.banner-mode", "off")));
		}
	}

	@Override
	public int getOrder() {
		// After config data, so that write-to set in any source is seen.
		return Ordered.LOWEST_PRECEDENCE;
	}

}
