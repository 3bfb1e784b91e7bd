package com.pyairtable.observability.opskit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;

/**
 * Runs every file of the kit through a redactor. YAML and JSON files are redacted value
 * by value (keys included) and written again only when a value changed, so that a
 * replaced secret is quoted as its file format requires and the file still parses; other
 * files (the README) are redacted as text. A redactor that fails or returns nothing fails
 * the whole kit: a file is never passed on unredacted.
 */
final class KitRedaction {

	private final UnaryOperator<@Nullable String> redactor;

	KitRedaction(UnaryOperator<@Nullable String> redactor) {
		this.redactor = redactor;
	}

	Map<String, String> redact(Map<String, String> files) {
		Map<String, String> redacted = new LinkedHashMap<>();
		files.forEach((name, content) -> redacted.put(name, redactFile(name, content)));
		return redacted;
	}

	private String redactFile(String name, String content) {
		try {
			if (name.endsWith(".yml") || name.endsWith(".yaml")) {
				return structured(content, KitYaml.load(content), KitYaml::dump);
			}
			if (name.endsWith(".json")) {
				return structured(content, KitJson.load(content), KitJson::dump);
			}
			return text(content);
		}
		catch (RuntimeException ex) {
			throw new IllegalStateException("Could not redact the ops kit's file " + name + ": " + ex.getMessage(), ex);
		}
	}

	private String structured(String content, @Nullable Object document,
			java.util.function.Function<Object, String> dump) {
		boolean[] changed = new boolean[1];
		Object redacted = walk(document, changed);
		return (changed[0] && redacted != null) ? dump.apply(redacted) : content;
	}

	private @Nullable Object walk(@Nullable Object node, boolean[] changed) {
		if (node instanceof String text) {
			String redacted = text(text);
			changed[0] |= !redacted.equals(text);
			return redacted;
		}
		if (node instanceof Map<?, ?> map) {
			Map<Object, @Nullable Object> result = new LinkedHashMap<>();
			map.forEach((key, value) -> result.put(walk(key, changed), walk(value, changed)));
			return result;
		}
		if (node instanceof List<?> list) {
			List<@Nullable Object> result = new ArrayList<>(list.size());
			list.forEach((item) -> result.add(walk(item, changed)));
			return result;
		}
		return node;
	}

	private String text(String text) {
		String redacted = this.redactor.apply(text);
		if (redacted == null) {
			throw new IllegalStateException("the redactor returned nothing");
		}
		return redacted;
	}

}
