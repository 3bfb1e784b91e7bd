package com.pyairtable.observability.sample;

import java.time.Duration;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Endpoints that fail or take long on purpose, so that error and latency alerts, and the
 * tracing policy's "errors and slow requests always kept", have something to show.
 */
@RestController
@RequestMapping("/api/diagnostics")
public class DiagnosticsController {

	@GetMapping("/fail")
	String fail() {
		// Answered as a 500 by Spring MVC without a stack trace in the log every few
		// seconds.
		throw new ResponseStatusException(HttpStatus.INTERNAL_SERVER_ERROR, "Simulated failure");
	}

	@GetMapping("/slow")
	String slow(@RequestParam(defaultValue = "300ms") Duration delay) throws InterruptedException {
		Thread.sleep(Math.min(delay.toMillis(), 10_000));
		return "slow answer after " + delay;
	}

}
