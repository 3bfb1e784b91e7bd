package com.pyairtable.observability.opskit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Writes a kit to a directory without ever touching what it must not: the kit is written
 * into a fresh directory beside the target (same parent, so the same file system) and
 * moved into place only when complete, so that a failure leaves the target as it was.
 * <ul>
 * <li>A new target is created by one atomic rename; an existing empty one is filled by
 * renames from a fresh directory inside it (it may be a mount point or the working
 * directory, which cannot be replaced).</li>
 * <li>A non-empty target is refused unless {@code overwrite} is set; it is then moved
 * aside, the new kit moved in, and the old one deleted. A directory holding the working
 * directory is never replaced.</li>
 * <li>No symbolic link is followed: a target that is a link, a link among the parents the
 * writer creates, or a link anywhere inside a target to be replaced is refused, naming
 * it.</li>
 * <li>Every file's path is checked to stay inside the target.</li>
 * <li>{@code secrets/} is created with mode 0700 and files in it with 0600, at creation
 * (where the file system has POSIX permissions).</li>
 * </ul>
 */
public final class OpsKitWriter {

	/** Property that allows replacing a non-empty directory. */
	public static final String OVERWRITE_PROPERTY = "pyairtable.observability.ops-kit.overwrite";

	/** Property naming the directory. */
	public static final String WRITE_TO_PROPERTY = "pyairtable.observability.ops-kit.write-to";

	/** The kit's directory for the receivers' secrets. */
	public static final String SECRETS = "secrets";

	private static final Log logger = LogFactory.getLog(OpsKitWriter.class);

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final LinkOption[] NO_FOLLOW = { LinkOption.NOFOLLOW_LINKS };

	private final boolean overwrite;

	private final Path workingDirectory;

	/**
	 * Creates the writer.
	 * @param overwrite whether a non-empty target directory is replaced
	 */
	public OpsKitWriter(boolean overwrite) {
		this(overwrite, Path.of(""));
	}

	OpsKitWriter(boolean overwrite, Path workingDirectory) {
		this.overwrite = overwrite;
		this.workingDirectory = workingDirectory;
	}

	/**
	 * Writes the kit.
	 * @param kit the kit
	 * @param directory the target directory
	 * @throws OpsKitWriteException naming the path at fault and the property to set; the
	 * target is then unchanged
	 */
	public void write(OpsKit kit, Path directory) {
		Path target = directory.toAbsolutePath().normalize();
		Path parent = target.getParent();
		if (parent == null) {
			throw refuse(target, "is the root of the file system",
					"Name a directory of its own in " + WRITE_TO_PROPERTY);
		}
		State state = inspect(target);
		createParents(parent);
		switch (state) {
			case ABSENT -> writeNew(kit, target, parent);
			case EMPTY -> writeIntoEmpty(kit, target);
			case NOT_EMPTY -> replace(kit, target, parent);
		}
	}

	private State inspect(Path target) {
		if (Files.isSymbolicLink(target)) {
			throw refuse(target, "is a symbolic link",
					"The kit is never written through a link: name the real directory in " + WRITE_TO_PROPERTY);
		}
		if (!Files.exists(target, NO_FOLLOW)) {
			return State.ABSENT;
		}
		if (!Files.isDirectory(target, NO_FOLLOW)) {
			throw refuse(target, "exists and is not a directory",
					"Name a new or empty directory in " + WRITE_TO_PROPERTY);
		}
		boolean empty;
		try (DirectoryStream<Path> entries = Files.newDirectoryStream(target)) {
			empty = !entries.iterator().hasNext();
		}
		catch (IOException ex) {
			throw failure(target, "could not be read", ex);
		}
		if (empty) {
			return State.EMPTY;
		}
		if (!this.overwrite) {
			throw refuse(target, "is not empty",
					"Set " + OVERWRITE_PROPERTY
							+ "=true to replace it (everything in it is deleted), or name a new or empty directory in "
							+ WRITE_TO_PROPERTY);
		}
		if (holdsWorkingDirectory(target)) {
			throw refuse(target, "holds the working directory of this process", "It is not replaced even with "
					+ OVERWRITE_PROPERTY + "=true: name another directory in " + WRITE_TO_PROPERTY);
		}
		Path link = firstLinkInside(target);
		if (link != null) {
			throw refuse(link, "is a symbolic link inside the target directory",
					"A directory holding links is not replaced, even with " + OVERWRITE_PROPERTY
							+ "=true: remove the link or name another directory in " + WRITE_TO_PROPERTY);
		}
		return State.NOT_EMPTY;
	}

	private boolean holdsWorkingDirectory(Path target) {
		try {
			// Real paths: the working directory may have been reached through a link.
			return this.workingDirectory.toRealPath().startsWith(target.toRealPath());
		}
		catch (IOException ex) {
			return this.workingDirectory.toAbsolutePath().normalize().startsWith(target);
		}
	}

	private static @Nullable Path firstLinkInside(Path target) {
		Path[] found = new Path[1];
		try {
			// Without FOLLOW_LINKS the walk reports a link as a file and never enters it.
			Files.walkFileTree(target, new SimpleFileVisitor<>() {

				@Override
				public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
					if (attributes.isSymbolicLink()) {
						found[0] = file;
						return FileVisitResult.TERMINATE;
					}
					return FileVisitResult.CONTINUE;
				}

			});
		}
		catch (IOException ex) {
			throw failure(target, "could not be read", ex);
		}
		return found[0];
	}

	/**
	 * Creates the missing parents one by one, so that a link planted where a parent was
	 * expected is noticed rather than followed.
	 */
	private static void createParents(Path parent) {
		List<Path> missing = new ArrayList<>();
		Path existing = parent;
		while (existing != null && !Files.exists(existing, NO_FOLLOW)) {
			missing.add(0, existing);
			existing = existing.getParent();
		}
		if (existing != null && !Files.isDirectory(existing)) {
			throw refuse(existing, "is not a directory", "Name a directory below a directory in " + WRITE_TO_PROPERTY);
		}
		for (Path directory : missing) {
			try {
				Files.createDirectory(directory);
			}
			catch (FileAlreadyExistsException ex) {
				if (Files.isSymbolicLink(directory) || !Files.isDirectory(directory, NO_FOLLOW)) {
					throw refuse(directory, "appeared as a symbolic link or a file while the parents were created",
							"Name a directory without links in " + WRITE_TO_PROPERTY);
				}
			}
			catch (IOException ex) {
				throw failure(directory, "could not be created", ex);
			}
		}
	}

	private void writeNew(OpsKit kit, Path target, Path parent) {
		Path staging = createStaging(parent, "." + target.getFileName() + ".opskit-");
		try {
			fill(kit, staging);
			Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException | RuntimeException ex) {
			deleteQuietly(staging);
			throw failure(target, "could not be written (nothing was changed)", ex);
		}
	}

	/**
	 * Fills an existing empty directory: the kit is written into a fresh directory inside
	 * it, then its top-level entries are renamed into place (same directory, so the same
	 * file system, even when the target is a mount point).
	 */
	private void writeIntoEmpty(OpsKit kit, Path target) {
		Path staging = createStaging(target, ".opskit-");
		List<Path> moved = new ArrayList<>();
		try {
			fill(kit, staging);
			List<Path> entries = new ArrayList<>();
			try (DirectoryStream<Path> stream = Files.newDirectoryStream(staging)) {
				stream.forEach(entries::add);
			}
			for (Path entry : entries) {
				Path destination = target.resolve(entry.getFileName().toString());
				// No REPLACE_EXISTING: an entry that appeared meanwhile is not
				// overwritten.
				Files.move(entry, destination);
				moved.add(destination);
			}
			Files.delete(staging);
		}
		catch (IOException | RuntimeException ex) {
			moved.forEach(OpsKitWriter::deleteQuietly);
			deleteQuietly(staging);
			throw failure(target, "could not be written (nothing was changed)", ex);
		}
	}

	private void replace(OpsKit kit, Path target, Path parent) {
		String name = "." + target.getFileName();
		Path staging = createStaging(parent, name + ".opskit-");
		try {
			fill(kit, staging);
		}
		catch (IOException | RuntimeException ex) {
			deleteQuietly(staging);
			throw failure(target, "could not be written (nothing was changed)", ex);
		}
		Path aside = parent.resolve(name + ".opskit-old-" + randomSuffix());
		try {
			Files.move(target, aside, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			deleteQuietly(staging);
			throw failure(target, "could not be moved aside to be replaced (nothing was changed)", ex);
		}
		try {
			Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			try {
				Files.move(aside, target, StandardCopyOption.ATOMIC_MOVE);
			}
			catch (IOException restore) {
				ex.addSuppressed(restore);
				deleteQuietly(staging);
				throw failure(target, "could not be replaced, and its previous content is left in " + aside, ex);
			}
			deleteQuietly(staging);
			throw failure(target, "could not be replaced (nothing was changed)", ex);
		}
		if (!deleteQuietly(aside)) {
			logger.warn(
					"Wrote the ops kit to " + target + " but could not delete its previous content, moved to " + aside);
		}
	}

	private static Path createStaging(Path directory, String prefix) {
		Path staging = directory.resolve(prefix + randomSuffix());
		try {
			return Files.createDirectory(staging);
		}
		catch (IOException ex) {
			throw failure(staging, "could not be created to write the kit into", ex);
		}
	}

	private static void fill(OpsKit kit, Path staging) throws IOException {
		boolean posix = staging.getFileSystem().supportedFileAttributeViews().contains("posix");
		createDirectory(staging.resolve(SECRETS), posix);
		for (Map.Entry<String, String> file : kit.files().entrySet()) {
			Path path = KitPaths.resolveInside(staging, file.getKey());
			List<Path> missing = new ArrayList<>();
			for (Path current = path.getParent(); !current.equals(staging); current = current.getParent()) {
				if (!Files.isDirectory(current, NO_FOLLOW)) {
					missing.add(0, current);
				}
			}
			for (Path directory : missing) {
				createDirectory(directory, posix && isSecret(staging, directory));
			}
			write(path, file.getValue(), posix && isSecret(staging, path));
		}
	}

	/** Creates a directory, with mode 0700 from the start when it holds secrets. */
	private static void createDirectory(Path directory, boolean secret) throws IOException {
		if (secret) {
			Files.createDirectory(directory, permissions("rwx------"));
		}
		else {
			Files.createDirectory(directory);
		}
	}

	private static boolean isSecret(Path staging, Path file) {
		return staging.relativize(file).startsWith(SECRETS);
	}

	private static void write(Path path, String content, boolean secret) throws IOException {
		Set<OpenOption> options = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
				LinkOption.NOFOLLOW_LINKS);
		FileAttribute<?>[] attributes = secret ? new FileAttribute<?>[] { permissions("rw-------") }
				: new FileAttribute<?>[0];
		try (SeekableByteChannel channel = Files.newByteChannel(path, options, attributes)) {
			ByteBuffer bytes = ByteBuffer.wrap(content.getBytes(StandardCharsets.UTF_8));
			while (bytes.hasRemaining()) {
				channel.write(bytes);
			}
		}
	}

	private static FileAttribute<?> permissions(String mode) {
		return PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(mode));
	}

	private static String randomSuffix() {
		byte[] bytes = new byte[6];
		RANDOM.nextBytes(bytes);
		return HexFormat.of().formatHex(bytes);
	}

	/**
	 * Deletes a tree without following links (a link is deleted, never its target).
	 * @return whether everything was deleted
	 */
	private static boolean deleteQuietly(Path root) {
		if (!Files.exists(root, NO_FOLLOW)) {
			return true;
		}
		try {
			Files.walkFileTree(root, new SimpleFileVisitor<>() {

				@Override
				public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
					Files.delete(file);
					return FileVisitResult.CONTINUE;
				}

				@Override
				public FileVisitResult postVisitDirectory(Path directory, @Nullable IOException ex) throws IOException {
					Files.delete(directory);
					return FileVisitResult.CONTINUE;
				}

			});
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static OpsKitWriteException refuse(Path path, String problem, String action) {
		return new OpsKitWriteException(path, problem, action, null);
	}

	private static OpsKitWriteException failure(Path path, String problem, Exception cause) {
		if (cause instanceof OpsKitWriteException written) {
			return written;
		}
		return new OpsKitWriteException(path, problem + ": " + cause, "Check the path and its permissions, then retry",
				cause);
	}

	private enum State {

		ABSENT, EMPTY, NOT_EMPTY

	}

}
