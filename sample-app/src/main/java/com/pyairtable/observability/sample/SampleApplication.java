package com.pyairtable.observability.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.cache.annotation.EnableCaching;

/**
 * A simulated PyAirtable service (the Airtable Gateway) that needs nothing outside its
 * own JVM: it serves a fake Airtable API and a fake LLM API from itself, keeps records in
 * an embedded H2 database, and generates its own traffic.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableCaching
public class SampleApplication {

	public static void main(String[] args) {
		SpringApplication.run(SampleApplication.class, args);
	}

}
