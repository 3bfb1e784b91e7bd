package com.example.minimal;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A service that knows nothing of the starter beyond its dependency: no code of ours, one
 * line of configuration.
 */
@SpringBootApplication
@RestController
public class MinimalService {

	@GetMapping("/orders")
	String orders() {
		return "[]";
	}

	public static void main(String[] args) {
		SpringApplication.run(MinimalService.class, args);
	}

}
