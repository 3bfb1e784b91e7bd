package com.pyairtable.observability.core;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import io.micrometer.core.instrument.Tags;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;

/**
 * Who is speaking: the name, version, tier and environment that label every meter, span
 * and log line of the service.
 * <p>
 * Worked out in one place, {@link #from(Environment, String)}, by the
 * {@code ServiceIdentity} bean and by the JSON log formatter that Spring Boot creates
 * before the application context exists, so that logs, meters, spans and Sentry events
 * agree.
 *
 * @param name the service name ({@code service} label)
 * @param version the service version ({@code version} label)
 * @param tier the service tier ({@code tier} label)
 * @param environment the deployment environment ({@code environment} label)
 */
public record ServiceIdentity(String name, String version, String tier, String environment) {

	/** Label carrying the service name. */
	public static final String SERVICE_TAG = "service";

	/** Label carrying the service version. */
	public static final String VERSION_TAG = "version";

	/** Label carrying the service tier. */
	public static final String TIER_TAG = "tier";

	/** Label carrying the deployment environment. */
	public static final String ENVIRONMENT_TAG = "environment";

	/** Value of a name or version nobody gave. */
	public static final String UNKNOWN = "unknown";

	/** Tier of a service that names none. */
	public static final String DEFAULT_TIER = "application";

	/** Environment of a service that names none. */
	public static final String DEFAULT_ENVIRONMENT = "development";

	private static final String PREFIX = "pyairtable.observability.service.";

	/**
	 * The identity of the service as the environment and its build-info
	 * ({@code spring.info.build.location}, {@code META-INF/build-info.properties} by
	 * default) describe it, for code that runs before the application context exists.
	 * @param environment the environment
	 * @return the identity
	 */
	public static ServiceIdentity from(Environment environment) {
		return from(environment, buildInfoVersion(environment));
	}

	/**
	 * The identity of the service: {@code pyairtable.observability.service.*}, else
	 * {@code spring.application.name}, the given build version, the {@code application}
	 * tier and the {@code development} environment; tier and environment in lower case.
	 * Values the properties reject fail the application's startup there; this method
	 * never fails.
	 * @param environment the environment
	 * @param buildVersion the version of the build-info, if any
	 * @return the identity
	 */
	public static ServiceIdentity from(Environment environment, @Nullable String buildVersion) {
		Binder binder = Binder.get(environment);
		String name = bound(binder, "name");
		if (name == null) {
			name = environment.getProperty("spring.application.name", UNKNOWN);
		}
		String version = bound(binder, "version");
		if (version == null) {
			version = (buildVersion != null && !buildVersion.isBlank()) ? buildVersion.trim() : UNKNOWN;
		}
		String tier = bound(binder, "tier");
		String deployment = bound(binder, "environment");
		return new ServiceIdentity(name, version, (tier != null) ? normalize(tier) : DEFAULT_TIER,
				(deployment != null) ? normalize(deployment) : DEFAULT_ENVIRONMENT);
	}

	/**
	 * The canonical form of a tier or environment name, as labels and log fields carry
	 * it.
	 * @param value the configured value
	 * @return the value trimmed and in lower case
	 */
	public static String normalize(String value) {
		return value.trim().toLowerCase(Locale.ROOT);
	}

	/**
	 * The {@code build.version} of the build-info resource that Spring Boot's
	 * {@code BuildProperties} reads.
	 * @param environment the environment, for {@code spring.info.build.location}
	 * @return the version, or {@code null} without a build-info
	 */
	public static @Nullable String buildInfoVersion(Environment environment) {
		String location = environment.getProperty("spring.info.build.location",
				"classpath:META-INF/build-info.properties");
		Resource resource = new DefaultResourceLoader().getResource(location);
		if (!resource.exists()) {
			return null;
		}
		Properties build = new Properties();
		try (Reader reader = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
			build.load(reader);
		}
		catch (IOException ex) {
			// The build-info bean fails the same way later, with Boot's message.
			return null;
		}
		return build.getProperty("build.version");
	}

	private static @Nullable String bound(Binder binder, String key) {
		String value = binder.bind(PREFIX + key, String.class).map(String::trim).orElse("");
		return value.isEmpty() ? null : value;
	}

	/**
	 * The identity as the four common meter tags.
	 * @return the tags
	 */
	public Tags tags() {
		return Tags.of(SERVICE_TAG, this.name, VERSION_TAG, this.version, TIER_TAG, this.tier, ENVIRONMENT_TAG,
				this.environment);
	}

	/**
	 * The identity as OpenTelemetry resource attributes (semantic-convention keys).
	 * @return the attributes, in a stable order
	 */
	public Map<String, String> resourceAttributes() {
		Map<String, String> attributes = new LinkedHashMap<>();
		attributes.put("service.name", this.name);
		attributes.put("service.version", this.version);
		attributes.put("service.tier", this.tier);
		attributes.put("deployment.environment.name", this.environment);
		return attributes;
	}

}
