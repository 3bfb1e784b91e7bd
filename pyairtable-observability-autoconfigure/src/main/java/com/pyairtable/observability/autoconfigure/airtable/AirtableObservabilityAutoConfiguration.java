package com.pyairtable.observability.autoconfigure.airtable;

import com.pyairtable.observability.airtable.AirtableApiUrl;
import com.pyairtable.observability.airtable.AirtableCallBudget;
import com.pyairtable.observability.airtable.AirtableClientHttpRequestInterceptor;
import com.pyairtable.observability.airtable.AirtableExchangeFilterFunction;
import com.pyairtable.observability.airtable.AirtableMetrics;
import com.pyairtable.observability.airtable.AirtableRateLimitHealthCheck;
import com.pyairtable.observability.airtable.Resilience4jAirtableCallBudget;
import com.pyairtable.observability.autoconfigure.cardinality.CardinalityObservabilityAutoConfiguration;
import com.pyairtable.observability.autoconfigure.core.ConditionalOnObservabilityEnabled;
import com.pyairtable.observability.cardinality.CardinalityGuard;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.boot.restclient.RestTemplateCustomizer;
import org.springframework.boot.webclient.WebClientCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Airtable API metrics: every call to the API made through the Boot-provided
 * {@code RestClient.Builder}, {@code RestTemplateBuilder} or {@code WebClient.Builder} is
 * recorded; a run of 429 answers is a health check ({@code runtime/airtableRateLimit}).
 */
@AutoConfiguration(after = CardinalityObservabilityAutoConfiguration.class)
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean(CardinalityGuard.class)
@ConditionalOnObservabilityEnabled("metrics.airtable")
@EnableConfigurationProperties(AirtableMetricsProperties.class)
public final class AirtableObservabilityAutoConfiguration {

	AirtableObservabilityAutoConfiguration() {
	}

	@Bean
	@ConditionalOnMissingBean
	AirtableMetrics airtableMetrics(CardinalityGuard guard, ObjectProvider<AirtableCallBudget> budget,
			AirtableMetricsProperties properties) {
		return new AirtableMetrics(guard, budget.getIfAvailable(), properties.getMonthlyQuota());
	}

	/**
	 * The API URL, with placeholders such as {@code ${local.server.port}} resolved when
	 * the first call is made rather than at startup.
	 */
	static AirtableApiUrl apiUrl(AirtableMetricsProperties properties, Environment environment) {
		return new AirtableApiUrl(properties.getApiUrl(), environment::resolvePlaceholders);
	}

	/**
	 * The feature's own health check, collected by the health feature as a
	 * {@code StateHealthCheck} under the name it declares.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(HealthContributor.class)
	@ConditionalOnObservabilityEnabled("health")
	@ConditionalOnBooleanProperty(name = AirtableHealthProperties.PREFIX + ".enabled", matchIfMissing = true)
	@EnableConfigurationProperties(AirtableHealthProperties.class)
	static class AirtableHealthConfiguration {

		@Bean
		@ConditionalOnMissingBean
		AirtableRateLimitHealthCheck airtableRateLimitHealthCheck(AirtableMetrics metrics,
				AirtableHealthProperties properties) {
			return new AirtableRateLimitHealthCheck(metrics, properties.getRateLimitHits(), properties.getWindow());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(RateLimiter.class)
	@ConditionalOnProperty(prefix = AirtableMetricsProperties.PREFIX, name = "rate-limit.enabled", havingValue = "true")
	static class RateLimitBudgetConfiguration {

		@Bean
		@ConditionalOnMissingBean(AirtableCallBudget.class)
		Resilience4jAirtableCallBudget airtableCallBudget(CardinalityGuard guard,
				AirtableMetricsProperties properties) {
			AirtableMetricsProperties.RateLimit rateLimit = properties.getRateLimit();
			return new Resilience4jAirtableCallBudget(guard, rateLimit.getLimitForPeriod(), rateLimit.getPeriod(),
					rateLimit.getTimeout());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ RestClientCustomizer.class, RestClient.class })
	static class BlockingClientConfiguration {

		@Bean
		@ConditionalOnMissingBean
		AirtableClientHttpRequestInterceptor airtableClientHttpRequestInterceptor(AirtableMetrics metrics,
				AirtableMetricsProperties properties, Environment environment) {
			return new AirtableClientHttpRequestInterceptor(metrics, apiUrl(properties, environment));
		}

		@Bean
		@ConditionalOnMissingBean(name = "airtableRestClientCustomizer")
		RestClientCustomizer airtableRestClientCustomizer(AirtableClientHttpRequestInterceptor interceptor) {
			return (builder) -> builder.requestInterceptors((interceptors) -> {
				if (!interceptors.contains(interceptor)) {
					interceptors.add(interceptor);
				}
			});
		}

		@Bean
		@ConditionalOnClass(RestTemplate.class)
		@ConditionalOnMissingBean(name = "airtableRestTemplateCustomizer")
		RestTemplateCustomizer airtableRestTemplateCustomizer(AirtableClientHttpRequestInterceptor interceptor) {
			return (restTemplate) -> {
				if (!restTemplate.getInterceptors().contains(interceptor)) {
					restTemplate.getInterceptors().add(interceptor);
				}
			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ WebClientCustomizer.class, WebClient.class })
	static class ReactiveClientConfiguration {

		@Bean
		@ConditionalOnMissingBean
		AirtableExchangeFilterFunction airtableExchangeFilterFunction(AirtableMetrics metrics,
				AirtableMetricsProperties properties, Environment environment) {
			return new AirtableExchangeFilterFunction(metrics, apiUrl(properties, environment));
		}

		@Bean
		@ConditionalOnMissingBean(name = "airtableWebClientCustomizer")
		WebClientCustomizer airtableWebClientCustomizer(AirtableExchangeFilterFunction filter) {
			return (builder) -> builder.filters((filters) -> {
				if (!filters.contains(filter)) {
					filters.add(filter);
				}
			});
		}

	}

}
