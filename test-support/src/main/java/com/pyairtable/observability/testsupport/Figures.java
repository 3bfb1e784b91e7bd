package com.pyairtable.observability.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;

/**
 * Figures of a reliability scenario, printed as lines starting {@code RELIABILITY } and
 * appended to the module's {@code target/reliability-figures.txt}, from which
 * RELIABILITY.md is refreshed.
 */
public final class Figures {

	private static final Path FILE = Path.of("target", "reliability-figures.txt");

	private Figures() {
	}

	/**
	 * Records one figure.
	 * @param scenario the scenario's name
	 * @param name the figure's name
	 * @param value its value
	 */
	public static void record(String scenario, String name, Object value) {
		String line = "RELIABILITY " + scenario + " " + name + "=" + value;
		System.out.println(line);
		try {
			Files.createDirectories(FILE.getParent());
			Files.write(FILE, List.of(line), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
					StandardOpenOption.APPEND);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A duration for a figure.
	 * @param nanos nanoseconds
	 * @return milliseconds with one decimal, such as {@code 12.5ms}
	 */
	public static String millis(double nanos) {
		return String.format(Locale.ROOT, "%.1fms", nanos / 1_000_000.0);
	}

	/**
	 * A size for a figure.
	 * @param bytes bytes
	 * @return mebibytes with one decimal, such as {@code 48.0MB}
	 */
	public static String mb(long bytes) {
		return String.format(Locale.ROOT, "%.1fMB", bytes / (1024.0 * 1024.0));
	}

}
