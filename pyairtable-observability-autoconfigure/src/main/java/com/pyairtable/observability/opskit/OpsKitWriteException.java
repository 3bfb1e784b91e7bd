package com.pyairtable.observability.opskit;

import java.nio.file.Path;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when the kit cannot be written to its directory; the directory is then left as
 * it was.
 */
public class OpsKitWriteException extends RuntimeException {

	private final Path path;

	private final String description;

	private final String action;

	/**
	 * Creates the exception.
	 * @param path the path at fault (the target directory or an entry in or above it)
	 * @param problem what is wrong with it
	 * @param action what to do about it
	 * @param cause the cause, if any
	 */
	public OpsKitWriteException(Path path, String problem, String action, @Nullable Throwable cause) {
		super("Cannot write the ops kit: " + path + " " + problem + ". " + action, cause);
		this.path = path;
		this.description = "Cannot write the ops kit: " + path + " " + problem + ".";
		this.action = action;
	}

	/**
	 * Returns the path at fault.
	 * @return the path
	 */
	public Path getPath() {
		return this.path;
	}

	/**
	 * Returns what went wrong, naming the path, without the action.
	 * @return the description
	 */
	public String getDescription() {
		return this.description;
	}

	/**
	 * Returns what to do about the failure.
	 * @return the action, naming the property to set where one helps
	 */
	public String getAction() {
		return this.action;
	}

}
