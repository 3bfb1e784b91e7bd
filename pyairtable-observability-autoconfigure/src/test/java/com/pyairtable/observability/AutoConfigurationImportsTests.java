package com.pyairtable.observability;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every line of the imports file names a loadable auto-configuration, once: a stale or
 * mangled line would silently drop a feature, or stop every application at startup.
 */
class AutoConfigurationImportsTests {

	@Test
	void everyListedAutoConfigurationExistsOnce() throws IOException, ClassNotFoundException {
		List<String> lines;
		try (InputStream in = getClass()
			.getResourceAsStream("/META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports")) {
			assertThat(in).isNotNull();
			lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
				.map(String::trim)
				.filter((line) -> !line.isEmpty() && !line.startsWith("#"))
				.toList();
		}
		assertThat(lines).doesNotHaveDuplicates().isNotEmpty();
		for (String line : lines) {
			assertThat(line).startsWith("com.pyairtable.observability.autoconfigure.");
			assertThat(Class.forName(line, false, getClass().getClassLoader())).hasAnnotation(AutoConfiguration.class);
		}
	}

}
