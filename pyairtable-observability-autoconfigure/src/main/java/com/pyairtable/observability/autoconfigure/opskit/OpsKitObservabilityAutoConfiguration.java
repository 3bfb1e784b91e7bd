package com.pyairtable.observability.autoconfigure.opskit;

import com.pyairtable.observability.autoconfigure.core.ConditionalOnObservabilityEnabled;
import com.pyairtable.observability.autoconfigure.core.ObservabilityAutoConfiguration;
import com.pyairtable.observability.autoconfigure.core.ObservabilityProperties;
import com.pyairtable.observability.core.ServiceIdentity;
import com.pyairtable.observability.logging.SecretRedactor;
import com.pyairtable.observability.opskit.OpsKitEndpoint;
import com.pyairtable.observability.opskit.OpsKitGenerator;
import com.pyairtable.observability.opskit.OpsKitSettings;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Auto-configuration of the operations kit: its settings (validated at startup), the
 * generator, the {@code opskit} endpoint, and the runner that writes the kit and exits
 * when {@code pyairtable.observability.ops-kit.write-to} is set.
 */
@AutoConfiguration(after = ObservabilityAutoConfiguration.class)
@ConditionalOnObservabilityEnabled("ops-kit")
@ConditionalOnClass(name = { "org.yaml.snakeyaml.Yaml", "tools.jackson.databind.json.JsonMapper" })
@EnableConfigurationProperties({ OpsKitProperties.class, OpsKitRulesProperties.class, ObservabilityProperties.class })
public final class OpsKitObservabilityAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	OpsKitSettings opsKitSettings(OpsKitProperties kit, OpsKitRulesProperties rules,
			ObservabilityProperties observability, ObjectProvider<ServiceIdentity> identity, Environment environment,
			ObjectProvider<SecretRedactor> redactor) {
		String service = identity.getIfAvailable(() -> ServiceIdentity.from(environment)).name();
		return OpsKitSettingsFactory.create(service, kit, rules, observability, environment,
				redactor.getIfAvailable(SecretRedactor::withDefaults));
	}

	@Bean
	@ConditionalOnMissingBean
	OpsKitGenerator opsKitGenerator(ObjectProvider<SecretRedactor> redactor) {
		SecretRedactor secretRedactor = redactor.getIfAvailable(SecretRedactor::withDefaults);
		return new OpsKitGenerator(secretRedactor::redact);
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnProperty(OpsKitProperties.PREFIX + ".write-to")
	OpsKitWriteRunner opsKitWriteRunner(OpsKitGenerator generator, OpsKitSettings settings, OpsKitProperties kit,
			ConfigurableApplicationContext context) {
		return new OpsKitWriteRunner(() -> generator.generate(settings), kit.getWriteTo(), kit.isOverwrite(), context);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(Endpoint.class)
	static class OpsKitEndpointConfiguration {

		@Bean
		@ConditionalOnMissingBean
		@ConditionalOnAvailableEndpoint
		OpsKitEndpoint opsKitEndpoint(OpsKitGenerator generator, OpsKitSettings settings) {
			return new OpsKitEndpoint(() -> generator.generate(settings));
		}

	}

}
