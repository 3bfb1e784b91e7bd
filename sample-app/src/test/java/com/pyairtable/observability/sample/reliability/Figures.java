package com.pyairtable.observability.sample.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Figures of a scenario, printed as lines starting {@code RELIABILITY } and appended to
 * {@code target/reliability-figures.txt}, from which RELIABILITY.md is refreshed.
 */
final class Figures {

	private static final Path FILE = Path.of("target", "reliability-figures.txt");

	private Figures() {
	}

	static void record(String scenario, String name, Object value) {
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

	static String millis(double nanos) {
		return String.format(java.util.Locale.ROOT, "%.1fms", nanos / 1_000_000.0);
	}

	static String mb(long bytes) {
		return String.format(java.util.Locale.ROOT, "%.1fMB", bytes / (1024.0 * 1024.0));
	}

}
