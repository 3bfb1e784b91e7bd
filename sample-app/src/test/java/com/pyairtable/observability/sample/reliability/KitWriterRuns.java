package com.pyairtable.observability.sample.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Configuration;

/**
 * Writing the ops kit end to end, as an operator does: an application with the starter
 * run with {@code pyairtable.observability.ops-kit.write-to}, which writes the kit and
 * exits. The application is the starter's auto-configuration on the sample's classpath
 * (without the sample's own beans, which expect a web server), so that each run takes a
 * second or two.
 */
final class KitWriterRuns {

	private static final AtomicInteger RUNS = new AtomicInteger();

	private KitWriterRuns() {
	}

	/**
	 * Runs the kit writer into the target; returns its failure, or null when it wrote the
	 * kit.
	 */
	static @Nullable Throwable write(Path target, String... extraArguments) {
		List<String> arguments = new ArrayList<>(List.of("--pyairtable.observability.ops-kit.write-to=" + target,
				"--spring.application.name=hostile-kit", "--spring.main.banner-mode=off", "--spring.jmx.enabled=false",
				"--spring.main.lazy-initialization=true",
				"--spring.datasource.url=jdbc:h2:mem:hostile-kit" + RUNS.incrementAndGet() + ";DB_CLOSE_DELAY=-1",
				"--management.health.rabbit.enabled=false", "--management.health.redis.enabled=false"));
		arguments.addAll(List.of(extraArguments));
		try {
			new SpringApplication(KitOnly.class).run(arguments.toArray(String[]::new)).close();
			return null;
		}
		catch (RuntimeException ex) {
			return ex;
		}
	}

	/** Every path under a directory (not following links), the directory excluded. */
	static List<Path> files(Path directory) {
		if (!Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS)) {
			return List.of();
		}
		try (Stream<Path> paths = Files.walk(directory)) {
			return paths.filter((path) -> !path.equals(directory)).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The messages of a failure and its causes, one a line. */
	static String messages(@Nullable Throwable failure) {
		StringBuilder messages = new StringBuilder();
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			messages.append(cause.getClass().getSimpleName()).append(": ").append(cause.getMessage()).append('\n');
		}
		return messages.toString();
	}

	/** How a run ended, for the figures. */
	static String outcome(@Nullable Throwable failure) {
		if (failure == null) {
			return "written";
		}
		Throwable root = failure;
		while (root.getCause() != null) {
			root = root.getCause();
		}
		return "refused (" + root.getMessage() + ")";
	}

	/** The POSIX permissions of a path itself, as {@code rwx------}. */
	static String mode(Path path) {
		try {
			return PosixFilePermissions.toString(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class KitOnly {

	}

}
