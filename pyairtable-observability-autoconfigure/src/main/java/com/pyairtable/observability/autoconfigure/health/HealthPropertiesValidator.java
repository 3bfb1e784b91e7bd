package com.pyairtable.observability.autoconfigure.health;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;

import com.pyairtable.observability.autoconfigure.core.PropertyValues;
import com.pyairtable.observability.autoconfigure.health.ObservabilityHealthProperties.Check;
import com.pyairtable.observability.autoconfigure.health.ObservabilityHealthProperties.CheckType;
import org.jspecify.annotations.Nullable;

import org.springframework.validation.Errors;

/**
 * Validation of the health properties, run by Spring Boot when it binds them: each error
 * names its key and what is allowed, and quotes a URL only once redacted.
 */
final class HealthPropertiesValidator {

	private static final String PREFIX = ObservabilityHealthProperties.PREFIX;

	private HealthPropertiesValidator() {
	}

	static void validate(ObservabilityHealthProperties properties, Errors errors) {
		requirePositive(errors, PREFIX + ".indicator-timeout", properties.getIndicatorTimeout());
		properties.getIndicators().forEach((name, indicator) -> {
			if (indicator.getTimeout() != null) {
				requirePositive(errors, PREFIX + ".indicators." + name + ".timeout", indicator.getTimeout());
			}
		});
		properties.getChecks().forEach((name, check) -> validate(errors, name, check));
	}

	private static void validate(Errors errors, String name, Check check) {
		String key = PREFIX + ".checks." + name;
		if (!name.matches("[A-Za-z0-9_.-]+")) {
			reject(errors, key + ": the check name '" + name + "' may only hold letters, digits, '_', '.' and '-'");
			return;
		}
		requirePositive(errors, key + ".timeout", check.getTimeout());
		requirePositive(errors, key + ".interval", check.getInterval());
		if (check.getType() == null) {
			reject(errors, key + ".type must be set to 'http' or 'tcp'");
		}
		else if (check.getType() == CheckType.HTTP) {
			validateHttp(errors, key, check);
		}
		else {
			validateTcp(errors, key, check);
		}
	}

	private static void validateHttp(Errors errors, String key, Check check) {
		String url = check.getUrl();
		if (url == null || url.isBlank()) {
			reject(errors, key + ".url must be set for an http check");
			return;
		}
		try {
			URI uri = new URI(url.trim());
			String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
			if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
				reject(errors, key + ".url was '" + PropertyValues.forMessage(url)
						+ "' but must be an absolute http:// or https:// URL with a host");
			}
		}
		catch (URISyntaxException ex) {
			reject(errors, key + ".url was '" + PropertyValues.forMessage(url) + "' but is not a valid URL: "
					+ ex.getReason());
		}
		for (Integer status : check.getExpectedStatuses()) {
			if (status == null || status < 100 || status > 599) {
				reject(errors, key + ".expected-statuses contains " + status
						+ " but every status must be between 100 and 599");
			}
		}
	}

	private static void validateTcp(Errors errors, String key, Check check) {
		if (check.getHost() == null || check.getHost().isBlank()) {
			reject(errors, key + ".host must be set for a tcp check");
		}
		Integer port = check.getPort();
		if (port == null) {
			reject(errors, key + ".port must be set for a tcp check");
		}
		else if (port < 1 || port > 65535) {
			reject(errors, key + ".port was " + port + " but must be between 1 and 65535");
		}
	}

	private static void requirePositive(Errors errors, String key, @Nullable Duration value) {
		if (value == null || value.isNegative() || value.isZero()) {
			reject(errors, key + " was " + value + " but must be a positive duration");
		}
	}

	private static void reject(Errors errors, String message) {
		// A global error: Spring would print a field error's rejected value, URL and
		// token included.
		errors.reject("pyairtable.observability.health.invalid", message);
	}

}
