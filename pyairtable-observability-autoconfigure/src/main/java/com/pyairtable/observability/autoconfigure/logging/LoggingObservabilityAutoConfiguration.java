package com.pyairtable.observability.autoconfigure.logging;

import com.pyairtable.observability.autoconfigure.core.ConditionalOnObservabilityEnabled;
import com.pyairtable.observability.http.RequestIdObservationFilter;
import com.pyairtable.observability.logging.BusinessContext;
import com.pyairtable.observability.logging.RequestIdClientInterceptor;
import com.pyairtable.observability.logging.SecretRedactor;
import io.micrometer.observation.ObservationFilter;
import jakarta.servlet.Filter;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.boot.restclient.RestTemplateCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Request ids (read or generated, logged, echoed, passed on by Spring's HTTP clients) and
 * the secret redactor used for spans; the JSON format itself is selected by
 * {@link com.pyairtable.observability.autoconfigure.core.ObservabilityEnvironmentPostProcessor}
 * before the context starts.
 */
@AutoConfiguration
@ConditionalOnObservabilityEnabled("logging")
@EnableConfigurationProperties(ObservabilityLoggingProperties.class)
public final class LoggingObservabilityAutoConfiguration {

	LoggingObservabilityAutoConfiguration() {
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnObservabilityEnabled("logging.redaction")
	SecretRedactor secretRedactor(ObservabilityLoggingProperties properties) {
		return redactor(properties.getRedaction());
	}

	/**
	 * Gives {@link BusinessContext} the deployment's redactor (the application's own when
	 * it defines one), whether or not span redaction is enabled: the user-id hash must be
	 * keyed the same way in every case.
	 */
	@Bean
	SmartInitializingSingleton pyairtableBusinessContextRedactor(ObjectProvider<SecretRedactor> redactor,
			ObservabilityLoggingProperties properties) {
		// Checked here too, so that a bad key fails startup even with span redaction off.
		properties.getRedaction().checkedKey();
		return () -> BusinessContext.useRedactor(redactor.getIfAvailable(() -> redactor(properties.getRedaction())));
	}

	static SecretRedactor redactor(ObservabilityLoggingProperties.Redaction redaction) {
		return SecretRedactor.builder().key(redaction.checkedKey()).extraPatterns(redaction.getPatterns()).build();
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(SanitizingFunction.class)
	static class RedactionKeySanitizingConfiguration {

		/** The key is masked by the actuator's endpoints even where values are shown. */
		@Bean
		@ConditionalOnMissingBean(name = "pyairtableRedactionKeySanitizingFunction")
		SanitizingFunction pyairtableRedactionKeySanitizingFunction() {
			return SanitizingFunction.sanitizeValue()
				.ifKeyEquals(ObservabilityLoggingProperties.PREFIX + ".redaction.key", "OBSERVABILITY_REDACTION_KEY",
						"PYAIRTABLE_OBSERVABILITY_LOGGING_REDACTION_KEY");
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnObservabilityEnabled("logging.request-id")
	static class RequestIdConfiguration {

		@Bean
		@ConditionalOnMissingBean
		RequestIdClientInterceptor requestIdClientInterceptor() {
			return new RequestIdClientInterceptor();
		}

		@Configuration(proxyBeanMethods = false)
		@ConditionalOnWebApplication(type = Type.SERVLET)
		@ConditionalOnClass({ Filter.class, FilterRegistrationBean.class, ObservationFilter.class })
		static class RequestIdFilterConfiguration {

			/**
			 * The request id on the server span; its presence turns the request id on in
			 * the starter's request filter.
			 * @return the observation filter
			 */
			@Bean
			@ConditionalOnMissingBean
			RequestIdObservationFilter requestIdObservationFilter() {
				return new RequestIdObservationFilter();
			}

		}

		@Configuration(proxyBeanMethods = false)
		@ConditionalOnClass(RestClientCustomizer.class)
		static class RestClientConfiguration {

			@Bean
			@ConditionalOnMissingBean(name = "requestIdRestClientCustomizer")
			RestClientCustomizer requestIdRestClientCustomizer(RequestIdClientInterceptor interceptor) {
				return (builder) -> builder.requestInterceptor(interceptor);
			}

			@Bean
			@ConditionalOnMissingBean(name = "requestIdRestTemplateCustomizer")
			RestTemplateCustomizer requestIdRestTemplateCustomizer(RequestIdClientInterceptor interceptor) {
				return (restTemplate) -> restTemplate.getInterceptors().add(interceptor);
			}

		}

	}

}
