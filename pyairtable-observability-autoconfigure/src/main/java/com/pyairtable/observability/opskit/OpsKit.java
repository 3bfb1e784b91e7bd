package com.pyairtable.observability.opskit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The generated kit: file paths (relative, with {@code /}) and their contents.
 *
 * @param files the files by path, sorted
 */
public record OpsKit(SortedMap<String, String> files) {

	/**
	 * Creates the kit from its files.
	 * @param files the files by path
	 */
	public OpsKit(Map<String, String> files) {
		this(Collections.unmodifiableSortedMap(new TreeMap<>(files)));
	}

	/**
	 * Writes every file below a directory, creating folders as needed.
	 * @param directory the target directory
	 */
	public void writeTo(Path directory) {
		try {
			for (Map.Entry<String, String> file : this.files.entrySet()) {
				Path target = directory.resolve(file.getKey()).normalize();
				Files.createDirectories(target.getParent());
				Files.writeString(target, file.getValue(), StandardCharsets.UTF_8);
			}
			Files.createDirectories(directory.resolve("secrets"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write the ops kit to " + directory, ex);
		}
	}

}
