package com.pyairtable.observability.autoconfigure.http;

import java.util.List;

import com.pyairtable.observability.http.HttpExchangeSizeObservationHandler;
import com.pyairtable.observability.http.ManagementRequestObservationPredicate;
import com.pyairtable.observability.http.ManagementRequests;
import com.pyairtable.observability.http.PlatformRequestFilter;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class HttpServerObservabilityAutoConfigurationTests {

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(HttpServerObservabilityAutoConfiguration.class,
				CompatPathsObservabilityAutoConfiguration.class, ObservationAutoConfiguration.class,
				MetricsAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class,
				SimpleMetricsExportAutoConfiguration.class, EndpointAutoConfiguration.class,
				WebEndpointAutoConfiguration.class));

	@Test
	void registersPredicateSizeFilterAndCompatPathsByDefault() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(ManagementRequests.class);
			assertThat(context).hasSingleBean(ManagementRequestObservationPredicate.class);
			assertThat(context).hasSingleBean(HttpExchangeSizeObservationHandler.class);
			assertThat(parts(context)).containsExactly("compat-paths", "sizes");
			FilterRegistrationBean<?> registration = context.getBean("pyairtableRequestFilter",
					FilterRegistrationBean.class);
			assertThat(registration.getOrder()).isLessThan(-100);
			assertThat(registration.isEnabled()).isTrue();
		});
	}

	@Test
	void compatPathsHaveTheirOwnSwitch() {
		this.contextRunner.withPropertyValues("pyairtable.observability.endpoints.compat-paths.enabled=false")
			.run((context) -> assertThat(parts(context)).containsExactly("sizes"));
	}

	@Test
	void sizesHaveTheirOwnSwitch() {
		this.contextRunner.withPropertyValues("pyairtable.observability.http.record-sizes=false").run((context) -> {
			assertThat(parts(context)).containsExactly("compat-paths");
			assertThat(context).doesNotHaveBean(HttpExchangeSizeObservationHandler.class);
		});
	}

	@Test
	void managementRequestsCanBeObserved() {
		this.contextRunner.withPropertyValues("pyairtable.observability.http.observe-management-requests=true")
			.run((context) -> {
				assertThat(context).hasSingleBean(ManagementRequests.class);
				assertThat(context).doesNotHaveBean(ManagementRequestObservationPredicate.class);
			});
	}

	@Test
	void compatPathsStepAsideWhenManagementHasItsOwnPort() {
		this.contextRunner.withPropertyValues("management.server.port=0")
			.run((context) -> assertThat(parts(context)).containsExactly("sizes"));
	}

	@Test
	void backsOffWhenUserDefinesTheBeans() {
		this.contextRunner.withUserConfiguration(UserBeans.class).run((context) -> {
			assertThat(context.getBean(ManagementRequests.class)).isSameAs(context.getBean("userManagementRequests"));
			assertThat(context.getBean(ManagementRequestObservationPredicate.class))
				.isSameAs(context.getBean("userPredicate"));
			assertThat(context.getBean("pyairtableRequestFilter")).isSameAs(UserBeans.FILTER);
		});
	}

	@Test
	void doesNothingWhenStarterIsDisabled() {
		this.contextRunner.withPropertyValues("pyairtable.observability.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(ManagementRequests.class);
			assertThat(context).doesNotHaveBean("pyairtableRequestFilter");
		});
	}

	@Test
	void doesNothingOutsideServletApplications() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(HttpServerObservabilityAutoConfiguration.class,
					CompatPathsObservabilityAutoConfiguration.class))
			.run((context) -> {
				assertThat(context).doesNotHaveBean(ManagementRequests.class);
				assertThat(context).doesNotHaveBean("pyairtableRequestFilter");
			});
	}

	@Test
	void doesNothingWithoutTheActuator() {
		new WebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(HttpServerObservabilityAutoConfiguration.class,
					CompatPathsObservabilityAutoConfiguration.class, ObservationAutoConfiguration.class))
			.withClassLoader(new FilteredClassLoader("org.springframework.boot.actuate"))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).doesNotHaveBean(ManagementRequests.class);
				assertThat(parts(context)).isEmpty();
				assertThat(context.getBean("pyairtableRequestFilter", FilterRegistrationBean.class).isEnabled())
					.isFalse();
			});
	}

	private static List<String> parts(ApplicationContext context) {
		return ((PlatformRequestFilter) context.getBean("pyairtableRequestFilter", FilterRegistrationBean.class)
			.getFilter()).parts();
	}

	@Configuration(proxyBeanMethods = false)
	static class UserBeans {

		static final FilterRegistrationBean<PlatformRequestFilter> FILTER = new FilterRegistrationBean<>();

		@Bean
		ManagementRequests userManagementRequests() {
			return new ManagementRequests("/manage", null);
		}

		@Bean
		ManagementRequestObservationPredicate userPredicate(ManagementRequests userManagementRequests) {
			return new ManagementRequestObservationPredicate(userManagementRequests);
		}

		@Bean
		FilterRegistrationBean<PlatformRequestFilter> pyairtableRequestFilter() {
			return FILTER;
		}

	}

}
