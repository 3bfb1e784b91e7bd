package com.pyairtable.observability.testsupport;

import java.util.Map;
import java.util.stream.Stream;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * One of the {@link TestServices}, as Spring Boot properties that point an application at
 * it.
 */
public interface TestService {

	/**
	 * Spring Boot's properties for this service (host, port, credentials), in order.
	 * @return property names and values
	 */
	Map<String, String> springProperties();

	/**
	 * The properties as {@code name=value} pairs, for {@code ApplicationContextRunner},
	 * {@code @SpringBootTest(properties = ...)} or command-line arguments (prefixed with
	 * {@code --}).
	 * @param additional pairs to append after this service's
	 * @return the pairs
	 */
	default String[] propertyValues(String... additional) {
		return Stream
			.concat(springProperties().entrySet().stream().map((entry) -> entry.getKey() + "=" + entry.getValue()),
					Stream.of(additional))
			.toArray(String[]::new);
	}

	/**
	 * Adds the properties to a {@code @DynamicPropertySource} registry.
	 * @param registry the registry
	 */
	default void registerIn(DynamicPropertyRegistry registry) {
		springProperties().forEach((name, value) -> registry.add(name, () -> value));
	}

}
