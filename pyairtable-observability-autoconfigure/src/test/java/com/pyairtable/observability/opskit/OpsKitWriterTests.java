package com.pyairtable.observability.opskit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The kit writer on the real file system: refusals, atomic placement, permissions.
 */
class OpsKitWriterTests {

	private final OpsKit kit = new OpsKitGenerator().generate(OpsKitTestSettings.settings());

	@TempDir
	Path root;

	@Test
	void writesANewDirectoryAndItsMissingParents() throws IOException {
		Path target = this.root.resolve("deploy/monitoring/kit");
		this.kit.writeTo(target);
		for (String path : this.kit.files().keySet()) {
			assertThat(target.resolve(path)).content().isEqualTo(this.kit.files().get(path));
		}
		assertThat(target.resolve("secrets")).isDirectory();
		assertThat(leftovers(target.getParent())).isEmpty();
	}

	@Test
	void secretsDirectoryIsPrivateAndSoAreTheFilesInIt() throws IOException {
		Path target = this.root.resolve("kit");
		this.kit.writeTo(target);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target.resolve("secrets"))))
			.isEqualTo("rwx------");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target.resolve("secrets/.gitignore"))))
			.isEqualTo("rw-------");
		// The rest of the kit stays readable by the containers that mount it.
		assertThat(Files.getPosixFilePermissions(target.resolve("prometheus/prometheus.yml")))
			.contains(java.nio.file.attribute.PosixFilePermission.OTHERS_READ);
	}

	@Test
	void fillsAnExistingEmptyDirectory() throws IOException {
		Path target = Files.createDirectory(this.root.resolve("kit"));
		this.kit.writeTo(target);
		assertThat(target.resolve("docker-compose.yml")).exists();
		assertThat(leftovers(target)).isEmpty();
		assertThat(leftovers(this.root)).isEmpty();
	}

	@Test
	void refusesANonEmptyDirectoryWithoutOverwriteAndLeavesItAsItWas() throws IOException {
		Path target = Files.createDirectory(this.root.resolve("project"));
		Files.writeString(target.resolve("README.md"), "the project's own readme");
		Files.writeString(target.resolve("docker-compose.yml"), "services: {}");
		assertThatExceptionOfType(OpsKitWriteException.class).isThrownBy(() -> this.kit.writeTo(target))
			.withMessageContaining(target.toString())
			.withMessageContaining("is not empty")
			.withMessageContaining("pyairtable.observability.ops-kit.overwrite=true");
		assertThat(target.resolve("README.md")).content().isEqualTo("the project's own readme");
		assertThat(target.resolve("docker-compose.yml")).content().isEqualTo("services: {}");
		try (Stream<Path> entries = Files.list(target)) {
			assertThat(entries).hasSize(2);
		}
		assertThat(leftovers(this.root)).isEmpty();
	}

	@Test
	void replacesANonEmptyDirectoryWithOverwrite() throws IOException {
		Path target = Files.createDirectory(this.root.resolve("kit"));
		Files.writeString(target.resolve("stale-rule.yml"), "groups: []");
		Files.createDirectories(target.resolve("grafana/dashboards"));
		Files.writeString(target.resolve("grafana/dashboards/removed.json"), "{}");
		this.kit.writeTo(target, true);
		assertThat(target.resolve("stale-rule.yml")).doesNotExist();
		assertThat(target.resolve("grafana/dashboards/removed.json")).doesNotExist();
		assertThat(target.resolve("docker-compose.yml")).content()
			.isEqualTo(this.kit.files().get("docker-compose.yml"));
		assertThat(leftovers(this.root)).isEmpty();
	}

	@Test
	void neverReplacesADirectoryHoldingTheWorkingDirectory() throws IOException {
		Path target = Files.createDirectory(this.root.resolve("project"));
		Path working = Files.createDirectories(target.resolve("module"));
		assertThatExceptionOfType(OpsKitWriteException.class)
			.isThrownBy(() -> new OpsKitWriter(true, working).write(this.kit, target))
			.withMessageContaining(target + " holds the working directory of this process");
		assertThat(working).isDirectory();
		assertThat(target.resolve("docker-compose.yml")).doesNotExist();
	}

	@Test
	void refusesATargetThatIsASymbolicLinkNamingIt() throws IOException {
		Path elsewhere = Files.createDirectory(this.root.resolve("elsewhere"));
		Path link = Files.createSymbolicLink(this.root.resolve("kit"), elsewhere);
		assertThatExceptionOfType(OpsKitWriteException.class).isThrownBy(() -> this.kit.writeTo(link, true))
			.withMessageContaining(link.toString())
			.withMessageContaining("is a symbolic link")
			.satisfies((ex) -> assertThat(ex.getPath()).isEqualTo(link));
		assertThat(Files.isSymbolicLink(link)).isTrue();
		try (Stream<Path> entries = Files.list(elsewhere)) {
			assertThat(entries).isEmpty();
		}
	}

	@Test
	void refusesASymbolicLinkInsideTheTargetEvenWithOverwrite() throws IOException {
		Path outside = Files.createDirectory(this.root.resolve("outside"));
		Files.writeString(outside.resolve("precious.txt"), "keep me");
		Path target = Files.createDirectory(this.root.resolve("kit"));
		Files.createDirectories(target.resolve("grafana"));
		Path link = Files.createSymbolicLink(target.resolve("grafana/dashboards"), outside);
		assertThatExceptionOfType(OpsKitWriteException.class).isThrownBy(() -> this.kit.writeTo(target, true))
			.withMessageContaining(link.toString())
			.withMessageContaining("symbolic link inside the target");
		assertThat(Files.isSymbolicLink(link)).isTrue();
		assertThat(outside.resolve("precious.txt")).content().isEqualTo("keep me");
		assertThat(leftovers(this.root)).isEmpty();
	}

	@Test
	void refusesAParentThatIsADanglingSymbolicLink() throws IOException {
		Path missing = this.root.resolve("missing");
		Path link = Files.createSymbolicLink(this.root.resolve("parent"), missing);
		assertThatExceptionOfType(OpsKitWriteException.class).isThrownBy(() -> this.kit.writeTo(link.resolve("kit")))
			.withMessageContaining(link.toString());
		assertThat(missing).doesNotExist();
	}

	@Test
	void refusesATargetThatIsAFile() throws IOException {
		Path file = Files.writeString(this.root.resolve("kit"), "not a directory");
		assertThatExceptionOfType(OpsKitWriteException.class).isThrownBy(() -> this.kit.writeTo(file, true))
			.withMessageContaining(file + " exists and is not a directory");
		assertThat(file).content().isEqualTo("not a directory");
	}

	@Test
	void aFailureWhileWritingLeavesNoTraceOfANewTarget() throws IOException {
		Path target = this.root.resolve("kit");
		assertThatExceptionOfType(OpsKitWriteException.class).isThrownBy(() -> conflicting().writeTo(target))
			.withMessageContaining(target + " could not be written (nothing was changed)");
		assertThat(target).doesNotExist();
		assertThat(leftovers(this.root)).isEmpty();
	}

	@Test
	void aFailureWhileWritingLeavesAnEmptyTargetEmpty() throws IOException {
		Path target = Files.createDirectory(this.root.resolve("kit"));
		assertThatExceptionOfType(OpsKitWriteException.class).isThrownBy(() -> conflicting().writeTo(target));
		try (Stream<Path> entries = Files.list(target)) {
			assertThat(entries).isEmpty();
		}
	}

	@Test
	void aFailureWhileReplacingLeavesTheOldKitInPlace() throws IOException {
		Path target = this.root.resolve("kit");
		this.kit.writeTo(target);
		Map<String, String> before = contents(target);
		assertThatExceptionOfType(OpsKitWriteException.class).isThrownBy(() -> conflicting().writeTo(target, true));
		assertThat(contents(target)).isEqualTo(before);
		assertThat(leftovers(this.root)).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "../../etc/passwd", "/etc/passwd", "grafana/dashboards/../../../x.json",
			"grafana/./x.json", "grafana//x.json", "grafana\\..\\x.json", "prometheus/rules/a b.yml", "", "a/" })
	void aFileNameThatCouldLeaveTheKitIsRejected(String name) {
		assertThatIllegalArgumentException().isThrownBy(() -> new OpsKit(Map.of(name, "content")))
			.withMessageContaining("'" + name + "' is not a plain relative path");
	}

	@Test
	void aServiceNameLikeAPathStaysAValueAndEveryFileStaysInsideTheTarget() throws IOException {
		OpsKitSettings base = OpsKitTestSettings.settings();
		OpsKitSettings settings = new OpsKitSettings("../../etc", base.scrapeTargets(), base.metricsPath(),
				base.scrapeInterval(), base.evaluationInterval(), base.alerts(), base.legacyRules(), base.slos(),
				base.runbookBaseUrl());
		OpsKit escaping = new OpsKitGenerator().generate(settings);
		assertThat(escaping.files().keySet()).isEqualTo(this.kit.files().keySet());
		Path target = this.root.resolve("kit");
		escaping.writeTo(target);
		try (Stream<Path> files = Files.walk(this.root)) {
			assertThat(files.filter(Files::isRegularFile)).allMatch((file) -> file.startsWith(target));
		}
		assertThat(target.resolve("prometheus/prometheus.yml")).content().contains("job_name: ../../etc");
	}

	/**
	 * A kit whose second file cannot be written: its first file takes the directory's
	 * name.
	 */
	private static OpsKit conflicting() {
		Map<String, String> files = new LinkedHashMap<>();
		files.put("grafana", "a file where a directory must go");
		files.put("grafana/dashboards/x.json", "{}");
		return new OpsKit(files);
	}

	private static Map<String, String> contents(Path directory) throws IOException {
		Map<String, String> contents = new LinkedHashMap<>();
		try (Stream<Path> files = Files.walk(directory)) {
			for (Path file : files.sorted().toList()) {
				contents.put(directory.relativize(file).toString(),
						Files.isRegularFile(file) ? Files.readString(file) : "<directory>");
			}
		}
		return contents;
	}

	private static List<Path> leftovers(Path directory) throws IOException {
		try (Stream<Path> entries = Files.list(directory)) {
			return entries
				.filter((entry) -> entry.getFileName().toString().contains(".opskit-")
						|| entry.getFileName().toString().startsWith(".opskit-"))
				.toList();
		}
	}

}
