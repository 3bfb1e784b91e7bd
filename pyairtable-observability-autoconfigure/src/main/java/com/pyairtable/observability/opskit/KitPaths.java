package com.pyairtable.observability.opskit;

import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * The rule for the kit's file names: relative, {@code /}-separated, made of plain
 * segments only, so that no name (whatever configuration it was built from) can leave the
 * kit's directory.
 */
final class KitPaths {

	private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9._-]{1,128}");

	private KitPaths() {
	}

	/**
	 * Checks one of the kit's file names.
	 * @param name the name, such as {@code prometheus/rules/slo.yml}
	 * @return the name
	 * @throws IllegalArgumentException naming the file when it is absolute, empty, holds
	 * {@code .} or {@code ..} segments, or characters other than letters, digits,
	 * {@code . _ -}
	 */
	static String check(String name) {
		if (name.isEmpty() || name.length() > 512 || name.startsWith("/") || name.endsWith("/")) {
			throw invalid(name);
		}
		for (String segment : name.split("/", -1)) {
			if (!SEGMENT.matcher(segment).matches() || segment.equals(".") || segment.equals("..")) {
				throw invalid(name);
			}
		}
		return name;
	}

	/**
	 * Resolves a checked name below a directory, making sure that the result stays inside
	 * it.
	 * @param directory the directory, absolute and normalized
	 * @param name the file's name in the kit
	 * @return the file's path
	 * @throws IllegalArgumentException when the name would leave the directory
	 */
	static Path resolveInside(Path directory, String name) {
		Path resolved = directory.resolve(check(name)).normalize();
		if (!resolved.startsWith(directory) || resolved.equals(directory)) {
			throw invalid(name);
		}
		return resolved;
	}

	private static IllegalArgumentException invalid(String name) {
		return new IllegalArgumentException("The ops kit's file name '" + name
				+ "' is not a plain relative path (letters, digits, '.', '_', '-' separated by '/', no '..')");
	}

}
