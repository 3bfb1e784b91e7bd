package com.pyairtable.observability.opskit;

import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;

/**
 * The generated kit: file paths (relative, with {@code /}) and their contents.
 *
 * @param files the files by path, sorted; every path is a plain relative path (letters,
 * digits, {@code . _ -} segments, no {@code ..})
 */
public record OpsKit(SortedMap<String, String> files) {

	/**
	 * Creates the kit, checking every path.
	 * @param files the files by path
	 * @throws IllegalArgumentException naming a path that is absolute or could leave the
	 * kit's directory
	 */
	public OpsKit {
		files.keySet().forEach(KitPaths::check);
		files = Collections.unmodifiableSortedMap(new TreeMap<>(files));
	}

	/**
	 * Creates the kit from its files.
	 * @param files the files by path
	 */
	public OpsKit(Map<String, String> files) {
		this(new TreeMap<>(files));
	}

	/**
	 * Returns the kit with every file run through a redactor: YAML and JSON value by
	 * value, so that they still parse; other files as text.
	 * @param redactor the redactor, such as {@code SecretRedactor::redact}
	 * @return the redacted kit
	 * @throws IllegalStateException naming the file when the redactor fails or returns
	 * {@code null}
	 */
	public OpsKit redacted(UnaryOperator<@Nullable String> redactor) {
		return new OpsKit(new KitRedaction(redactor).redact(this.files));
	}

	/**
	 * Writes the kit to a new or empty directory (see {@link OpsKitWriter}).
	 * @param directory the target directory
	 * @throws OpsKitWriteException when the directory is not empty, is or holds a
	 * symbolic link, or the kit could not be written; the directory is then left as it
	 * was
	 */
	public void writeTo(Path directory) {
		writeTo(directory, false);
	}

	/**
	 * Writes the kit to a directory (see {@link OpsKitWriter}).
	 * @param directory the target directory
	 * @param overwrite whether a non-empty directory is replaced
	 * @throws OpsKitWriteException when the kit could not be written; the directory is
	 * then left as it was
	 */
	public void writeTo(Path directory, boolean overwrite) {
		new OpsKitWriter(overwrite).write(this, directory);
	}

}
