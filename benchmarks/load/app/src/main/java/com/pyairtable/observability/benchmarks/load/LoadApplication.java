package com.pyairtable.observability.benchmarks.load;

import java.time.Instant;
import java.util.List;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The service every variant shares: one trivial JSON endpoint.
 */
@SpringBootApplication
@RestController
public class LoadApplication {

	@GetMapping("/api/items/{id}")
	Item item(@PathVariable long id) {
		return new Item(id, "item-" + id, List.of("a", "b", "c"), Instant.ofEpochSecond(1_700_000_000L + id));
	}

	public static void main(String[] args) {
		SpringApplication.run(LoadApplication.class, args);
	}

	record Item(long id, String name, List<String> tags, Instant updated) {
	}

}
