package com.pyairtable.observability.autoconfigure.tracing;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The tracing integration tests' web application: endpoints that fail, are slow or make
 * bursts, and a processor that sees every span end.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(TracingTestApplication.TestController.class)
class TracingTestApplication {

	@Bean
	EndedSpans endedSpans() {
		return new EndedSpans();
	}

	/** Sees every span end, sampled or not, so that tests know when to flush. */
	static class EndedSpans implements SpanProcessor {

		private final ConcurrentLinkedQueue<String> uris = new ConcurrentLinkedQueue<>();

		@Override
		public void onStart(Context parentContext, ReadWriteSpan span) {
		}

		@Override
		public boolean isStartRequired() {
			return false;
		}

		@Override
		public void onEnd(ReadableSpan span) {
			String uri = span.getAttribute(AttributeKey.stringKey("uri"));
			if (uri != null) {
				this.uris.add(uri);
			}
		}

		@Override
		public boolean isEndRequired() {
			return true;
		}

		long count(String uri) {
			return List.copyOf(this.uris).stream().filter(uri::equals).count();
		}

	}

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

		@GetMapping("/plain")
		String plain() {
			return "plain";
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
			// The application under test is slow on purpose; the test itself never
			// sleeps.
			Thread.sleep(300);
			return "slow";
		}

	}

}
