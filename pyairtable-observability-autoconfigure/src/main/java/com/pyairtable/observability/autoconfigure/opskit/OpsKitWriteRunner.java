package com.pyairtable.observability.autoconfigure.opskit;

import java.nio.file.Path;
import java.util.function.Supplier;

import com.pyairtable.observability.opskit.OpsKit;
import com.pyairtable.observability.opskit.OpsKitWriteException;
import com.pyairtable.observability.opskit.OpsKitWriter;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;

/**
 * Writes the kit to {@code pyairtable.observability.ops-kit.write-to} and closes the
 * application context, so that the application exits with status 0 without serving
 * traffic
 * ({@link com.pyairtable.observability.autoconfigure.core.ObservabilityEnvironmentPostProcessor}
 * turns the web server off). When the kit cannot be written (a non-empty directory
 * without {@code pyairtable.observability.ops-kit.overwrite}, a symbolic link, an I/O
 * error), the {@link OpsKitWriteException} fails the startup, so that the process exits
 * with a non-zero status, and the directory is left as it was.
 */
public class OpsKitWriteRunner implements ApplicationRunner, Ordered {

	private static final Log logger = LogFactory.getLog(OpsKitWriteRunner.class);

	private final Supplier<OpsKit> kit;

	private final @Nullable Path directory;

	private final boolean overwrite;

	private final ConfigurableApplicationContext context;

	OpsKitWriteRunner(Supplier<OpsKit> kit, @Nullable Path directory, boolean overwrite,
			ConfigurableApplicationContext context) {
		this.kit = kit;
		this.directory = directory;
		this.overwrite = overwrite;
		this.context = context;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.directory == null) {
			return;
		}
		OpsKit opsKit = this.kit.get();
		new OpsKitWriter(this.overwrite).write(opsKit, this.directory);
		logger.info("Wrote the ops kit (" + opsKit.files().size() + " files) to " + this.directory.toAbsolutePath()
				+ "; exiting");
		this.context.close();
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
