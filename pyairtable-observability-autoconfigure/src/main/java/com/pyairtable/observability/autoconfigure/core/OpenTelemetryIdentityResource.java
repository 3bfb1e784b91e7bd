package com.pyairtable.observability.autoconfigure.core;

import java.util.Map;

import com.pyairtable.observability.core.ServiceIdentity;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.resources.ResourceBuilder;

import org.springframework.boot.opentelemetry.autoconfigure.OpenTelemetryResourceAttributes;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * Builds the OpenTelemetry resource from the service identity and Boot's own resource
 * attributes.
 */
final class OpenTelemetryIdentityResource {

	private OpenTelemetryIdentityResource() {
	}

	static Resource create(ServiceIdentity identity, Environment environment, Map<String, String> userAttributes) {
		ResourceBuilder builder = Resource.builder();
		identity.resourceAttributes().forEach(builder::put);
		// Boot falls back to spring.application.name for service.name; let it fall back
		// to our identity instead, keeping its handling of the OTEL_* variables.
		StandardEnvironment view = new StandardEnvironment();
		view.getPropertySources()
			.addFirst(new MapPropertySource("serviceIdentity", Map.of("spring.application.name", identity.name())));
		String group = environment.getProperty("spring.application.group");
		if (group != null) {
			view.getPropertySources()
				.addFirst(new MapPropertySource("serviceGroup", Map.of("spring.application.group", group)));
		}
		new OpenTelemetryResourceAttributes(view, userAttributes).applyTo(builder::put);
		return builder.build();
	}

}
