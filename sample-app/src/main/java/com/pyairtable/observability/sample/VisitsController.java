package com.pyairtable.observability.sample;

import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Profile;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Page visit counters kept in Redis ({@code services} profile): each visit is an
 * {@code INCR}, each read a {@code GET}, so that Lettuce's command metrics and spans have
 * data. Nothing here is instrumented by hand.
 */
@RestController
@Profile("services")
public class VisitsController {

	private static final String KEY_PREFIX = "sample:visits:";

	private final StringRedisTemplate redis;

	public VisitsController(StringRedisTemplate redis) {
		this.redis = redis;
	}

	@PostMapping("/api/visits/{page}")
	Map<String, Object> visit(@PathVariable String page) {
		Long visits = this.redis.opsForValue().increment(KEY_PREFIX + page);
		return Map.of("page", page, "visits", (visits != null) ? visits : 0);
	}

	@GetMapping("/api/visits/{page}")
	Map<String, Object> visits(@PathVariable String page) {
		String visits = this.redis.opsForValue().get(KEY_PREFIX + page);
		return Map.of("page", page, "visits", (visits != null) ? Long.parseLong(visits) : 0);
	}

	/** The traffic generator's share: a visit and a read per round. */
	@Bean
	static TrafficContribution visitsTraffic() {
		return (self) -> {
			self.post().uri("/api/visits/{page}", "home").retrieve().toBodilessEntity();
			self.get().uri("/api/visits/{page}", "home").retrieve().toBodilessEntity();
		};
	}

}
