package com.pyairtable.observability.autoconfigure.tracing;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A minimal web application for the tracing integration tests.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(TracingTestApplication.TestController.class)
class TracingTestApplication {

	/** Security starters on the test class path are excluded by the tests. */
	static final String EXCLUDE_SECURITY = "spring.autoconfigure.exclude="
			+ "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration,"
			+ "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration,"
			+ "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration,"
			+ "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration,"
			+ "org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration";

	@RestController
	static class TestController {

		private final ObservationRegistry registry;

		TestController(ObservationRegistry registry) {
			this.registry = registry;
		}

		@GetMapping("/ok")
		String ok() {
			return "ok";
		}

		@GetMapping("/burst")
		String burst() {
			return "burst";
		}

		@GetMapping("/fail")
		String fail() {
			Observation.createNotStarted("fail.work", this.registry).observe(() -> {
			});
			throw new IllegalStateException("boom");
		}

		@GetMapping("/slow")
		String slow() throws InterruptedException {
			Observation.createNotStarted("slow.work", this.registry).observe(() -> {
			});
			// The application under test is slow on purpose; the test itself never sleeps.
			Thread.sleep(300);
			return "slow";
		}

	}

}
