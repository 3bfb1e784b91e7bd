package com.pyairtable.observability.autoconfigure.opskit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.pyairtable.observability.opskit.OpsKit;
import com.pyairtable.observability.opskit.OpsKitWriteException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class OpsKitWriteFailureAnalyzerTests {

	@Test
	void reportsThePathAsTheDescriptionAndThePropertyAsTheAction(@TempDir Path directory) throws Exception {
		Files.writeString(directory.resolve("README.md"), "own");
		OpsKitWriteException refused = catchThrowableOfType(OpsKitWriteException.class,
				() -> new OpsKit(Map.of("README.md", "kit")).writeTo(directory));
		FailureAnalysis analysis = new OpsKitWriteFailureAnalyzer()
			.analyze(new BeanCreationException("runner", refused));
		assertThat(analysis).isNotNull();
		assertThat(analysis.getDescription()).isEqualTo("Cannot write the ops kit: " + directory + " is not empty.");
		assertThat(analysis.getAction()).startsWith("Set pyairtable.observability.ops-kit.overwrite=true to replace it")
			.contains("pyairtable.observability.ops-kit.write-to");
	}

}
