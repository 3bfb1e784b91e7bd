package com.pyairtable.observability.autoconfigure.http;

import com.pyairtable.observability.http.CompatPathsFilter;
import com.pyairtable.observability.http.HttpExchangeSizeFilter;
import com.pyairtable.observability.http.HttpExchangeSizeObservationHandler;
import com.pyairtable.observability.http.ManagementRequestObservationPredicate;
import com.pyairtable.observability.http.ManagementRequests;
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
			assertThat(context).hasBean("httpExchangeSizeFilter");
			assertThat(context).hasSingleBean(HttpExchangeSizeObservationHandler.class);
			assertThat(context).hasBean("compatPathsFilter");
			assertThat(context.getBean("compatPathsFilter", FilterRegistrationBean.class).getFilter())
				.isInstanceOf(CompatPathsFilter.class);
			assertThat(context.getBean("compatPathsFilter", FilterRegistrationBean.class).getOrder()).isLessThan(-100);
		});
	}

	@Test
	void compatPathsHaveTheirOwnSwitch() {
		this.contextRunner.withPropertyValues("pyairtable.observability.endpoints.compat-paths.enabled=false")
			.run((context) -> {
				assertThat(context).doesNotHaveBean("compatPathsFilter");
				assertThat(context).hasBean("httpExchangeSizeFilter");
			});
	}

	@Test
	void sizesHaveTheirOwnSwitch() {
		this.contextRunner.withPropertyValues("pyairtable.observability.http.record-sizes=false").run((context) -> {
			assertThat(context).doesNotHaveBean("httpExchangeSizeFilter");
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
			.run((context) -> assertThat(context).doesNotHaveBean("compatPathsFilter"));
	}

	@Test
	void backsOffWhenUserDefinesTheBeans() {
		this.contextRunner.withUserConfiguration(UserBeans.class).run((context) -> {
			assertThat(context.getBean(ManagementRequests.class)).isSameAs(context.getBean("userManagementRequests"));
			assertThat(context.getBean(ManagementRequestObservationPredicate.class))
				.isSameAs(context.getBean("userPredicate"));
			assertThat(context.getBean("compatPathsFilter")).isSameAs(UserBeans.COMPAT);
			assertThat(context.getBean("httpExchangeSizeFilter")).isSameAs(UserBeans.SIZES);
		});
	}

	@Test
	void doesNothingWhenStarterIsDisabled() {
		this.contextRunner.withPropertyValues("pyairtable.observability.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(ManagementRequests.class);
			assertThat(context).doesNotHaveBean("compatPathsFilter");
			assertThat(context).doesNotHaveBean("httpExchangeSizeFilter");
		});
	}

	@Test
	void doesNothingOutsideServletApplications() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(HttpServerObservabilityAutoConfiguration.class,
					CompatPathsObservabilityAutoConfiguration.class))
			.run((context) -> {
				assertThat(context).doesNotHaveBean(ManagementRequests.class);
				assertThat(context).doesNotHaveBean("compatPathsFilter");
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
				assertThat(context).doesNotHaveBean("compatPathsFilter");
			});
	}

	@Configuration(proxyBeanMethods = false)
	static class UserBeans {

		static final FilterRegistrationBean<CompatPathsFilter> COMPAT = new FilterRegistrationBean<>();

		static final FilterRegistrationBean<HttpExchangeSizeFilter> SIZES = new FilterRegistrationBean<>();

		@Bean
		ManagementRequests userManagementRequests() {
			return new ManagementRequests("/manage", null);
		}

		@Bean
		ManagementRequestObservationPredicate userPredicate(ManagementRequests userManagementRequests) {
			return new ManagementRequestObservationPredicate(userManagementRequests);
		}

		@Bean
		FilterRegistrationBean<CompatPathsFilter> compatPathsFilter() {
			return COMPAT;
		}

		@Bean
		FilterRegistrationBean<HttpExchangeSizeFilter> httpExchangeSizeFilter() {
			return SIZES;
		}

	}

}
