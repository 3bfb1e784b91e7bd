package com.pyairtable.observability.reference;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code docs/reference/properties.md} lists every key of the configuration metadata, as
 * the build generates it.
 */
class PropertiesReferenceTests {

	private static final Path METADATA = ReferencePage.moduleDirectory()
		.resolve("target/classes/META-INF/spring-configuration-metadata.json");

	@Test
	void committedPageIsTheOneGeneratedFromTheMetadata() {
		assertThat(METADATA).as("the configuration processor's output").exists();
		new ReferencePage("properties.md", "PropertiesReferenceTests").verify(PropertiesReference.generate(METADATA));
	}

	@Test
	@SuppressWarnings("unchecked")
	void pageHasOneRowPerKeyWithItsTypeAndDefault() {
		String page = PropertiesReference.generate(METADATA);
		Map<String, Object> metadata = JsonMapper.builder().build().readValue(METADATA.toFile(), Map.class);
		List<Map<String, Object>> properties = (List<Map<String, Object>>) metadata.get("properties");
		for (Map<String, Object> property : properties) {
			assertThat(page).contains("| `" + property.get("name") + "` |");
		}
		assertThat(page.lines().filter((line) -> line.startsWith("| `"))).hasSize(properties.size());
		assertThat(page).contains("## `pyairtable.observability.tracing`\n")
			.contains("| `pyairtable.observability.service.name` | `String` |");
	}

}
