import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Checks the bundle that {@code -Prelease deploy} leaves in target/central-publishing against what
 * Maven Central requires of each published artifact. Run by .ci/release-check with a JDK alone:
 * {@code java .ci/ReleaseCheck.java BUNDLE VERSION SIGNED}. Exits 1 naming every missing file,
 * wrong checksum, missing pom element or wrong version, 0 when there are none.
 */
public class ReleaseCheck {

	/** What a user depends on; every other module of the build must stay out of the bundle. */
	static final List<String> PUBLISHED = List.of("pyairtable-observability-spring-boot-autoconfigure",
			"pyairtable-observability-spring-boot-starter");

	/** The published module with the code (the starter only brings it and its libraries). */
	static final String CODE = "pyairtable-observability-spring-boot-autoconfigure";

	static final String GROUP_ID = "com.pyairtable.observability";

	static final Map<String, String> CHECKSUMS = new LinkedHashMap<>();
	static {
		CHECKSUMS.put("md5", "MD5");
		CHECKSUMS.put("sha1", "SHA-1");
		CHECKSUMS.put("sha256", "SHA-256");
		CHECKSUMS.put("sha512", "SHA-512");
	}

	final List<String> failures = new ArrayList<>();

	int checks;

	public static void main(String[] args) throws Exception {
		if (args.length != 3) {
			System.err.println("usage: java .ci/ReleaseCheck.java BUNDLE.zip VERSION SIGNED(true|false)");
			System.exit(2);
		}
		ReleaseCheck check = new ReleaseCheck();
		check.run(Path.of(args[0]), args[1], Boolean.parseBoolean(args[2]));
		if (!check.failures.isEmpty()) {
			check.failures.forEach((failure) -> System.out.println("FAILED " + failure));
			System.out.println("release-check: " + check.failures.size() + " of " + check.checks + " checks failed");
			System.exit(1);
		}
		System.out.println("release-check: " + check.checks + " checks on " + PUBLISHED.size()
				+ " artifacts, all passed (" + args[0] + ")");
	}

	void run(Path bundle, String version, boolean signed) throws Exception {
		expect(!version.isBlank() && !version.endsWith("-SNAPSHOT") && !version.contains("$"),
				"the release version '" + version + "' is a release version");
		String groupPath = GROUP_ID.replace('.', '/');
		try (ZipFile zip = new ZipFile(bundle.toFile())) {
			Map<String, byte[]> entries = new LinkedHashMap<>();
			for (ZipEntry entry : Collections.list(zip.entries())) {
				if (!entry.isDirectory()) {
					entries.put(entry.getName(), zip.getInputStream(entry).readAllBytes());
				}
			}
			Set<String> expected = new TreeSet<>();
			for (String artifactId : PUBLISHED) {
				String base = groupPath + "/" + artifactId + "/" + version + "/" + artifactId + "-" + version;
				for (String file : List.of(".jar", "-sources.jar", "-javadoc.jar", ".pom")) {
					String name = base + file;
					expected.add(name);
					// Reported once, as missing, when the file itself is missing: not again as strays.
					CHECKSUMS.keySet().forEach((extension) -> expected.add(name + "." + extension));
					if (signed) {
						expected.add(name + ".asc");
						// Checksums of a signature: neither required nor harmful.
						CHECKSUMS.keySet().forEach((extension) -> expected.add(name + ".asc." + extension));
					}
					byte[] content = entries.get(name);
					if (!expect(content != null, name + " is in the bundle")) {
						continue;
					}
					for (Map.Entry<String, String> checksum : CHECKSUMS.entrySet()) {
						String sumName = name + "." + checksum.getKey();
						byte[] sum = entries.get(sumName);
						if (expect(sum != null, sumName + " is in the bundle")) {
							String actual = HexFormat.of()
								.formatHex(MessageDigest.getInstance(checksum.getValue()).digest(content));
							expect(new String(sum, StandardCharsets.US_ASCII).trim().equalsIgnoreCase(actual),
									sumName + " is the " + checksum.getValue() + " of " + name);
						}
					}
					if (signed) {
						byte[] signature = entries.get(name + ".asc");
						if (expect(signature != null, name + ".asc is in the bundle")) {
							expect(new String(signature, StandardCharsets.US_ASCII)
								.startsWith("-----BEGIN PGP SIGNATURE-----"), name + ".asc is an armored signature");
						}
					}
				}
				if (entries.containsKey(base + ".pom")) {
					checkPom(base + ".pom", entries.get(base + ".pom"), artifactId, version);
				}
				if (entries.containsKey(base + ".jar")) {
					checkJar(base + ".jar", entries.get(base + ".jar"), artifactId, version);
				}
				for (String classifier : List.of("sources", "javadoc")) {
					String name = base + "-" + classifier + ".jar";
					if (entries.containsKey(name)) {
						List<String> content = contentOf(entries.get(name));
						expect(!content.isEmpty(), name + " has content beyond its manifest");
						if (artifactId.equals(CODE)) {
							String wanted = classifier.equals("sources") ? ".java" : "index.html";
							expect(content.stream().anyMatch((file) -> file.endsWith(wanted)),
									name + " has " + (classifier.equals("sources") ? "Java sources" : "an index.html"));
						}
					}
				}
			}
			for (String name : entries.keySet()) {
				expect(expected.contains(name), name + " is one of the published artifacts' files (nothing else)");
			}
		}
	}

	void checkPom(String name, byte[] content, String artifactId, String version) throws Exception {
		String text = new String(content, StandardCharsets.UTF_8);
		expect(!text.contains("${"), name + " has no unresolved ${...}");
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(false);
		Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(content));
		Element project = document.getDocumentElement();
		expect(GROUP_ID.equals(text(project, "groupId")), name + ": groupId " + GROUP_ID);
		expect(artifactId.equals(text(project, "artifactId")), name + ": artifactId " + artifactId);
		expect(version.equals(text(project, "version")), name + ": version " + version);
		expect(child(project, "parent") == null, name + " stands alone (no parent to resolve)");
		for (String element : List.of("name", "description", "url")) {
			expect(!text(project, element).isBlank(), name + ": <" + element + "> is present");
		}
		Element licenses = child(project, "licenses");
		Element license = (licenses != null) ? child(licenses, "license") : null;
		expect(license != null && !text(license, "name").isBlank() && !text(license, "url").isBlank(),
				name + ": <licenses> has a license with name and url");
		Element developers = child(project, "developers");
		Element developer = (developers != null) ? child(developers, "developer") : null;
		expect(developer != null && !text(developer, "name").isBlank(),
				name + ": <developers> has a developer with a name");
		Element scm = child(project, "scm");
		expect(scm != null && !text(scm, "url").isBlank() && !text(scm, "connection").isBlank(),
				name + ": <scm> has url and connection");
		Element dependencies = child(project, "dependencies");
		if (dependencies != null) {
			for (Node node = dependencies.getFirstChild(); node != null; node = node.getNextSibling()) {
				if (node instanceof Element dependency) {
					String coordinates = text(dependency, "groupId") + ":" + text(dependency, "artifactId");
					String dependencyVersion = text(dependency, "version");
					expect(!dependencyVersion.isBlank() && !dependencyVersion.endsWith("-SNAPSHOT"),
							name + ": " + coordinates + " has a release version (" + dependencyVersion + ")");
					if (GROUP_ID.equals(text(dependency, "groupId"))) {
						expect(version.equals(dependencyVersion), name + ": " + coordinates + " is at " + version);
						expect(PUBLISHED.contains(text(dependency, "artifactId")),
								name + ": " + coordinates + " is published too");
					}
					expect(!"test".equals(text(dependency, "scope")), name + ": " + coordinates + " is not test-scoped");
				}
			}
		}
	}

	void checkJar(String name, byte[] content, String artifactId, String version) throws IOException {
		String properties = null;
		try (ZipInputStream jar = new ZipInputStream(new ByteArrayInputStream(content))) {
			for (ZipEntry entry; (entry = jar.getNextEntry()) != null;) {
				if (entry.getName().equals("META-INF/maven/" + GROUP_ID + "/" + artifactId + "/pom.properties")) {
					properties = new String(jar.readAllBytes(), StandardCharsets.UTF_8);
				}
			}
		}
		expect(properties != null && properties.lines().anyMatch(("version=" + version)::equals),
				name + ": META-INF/maven/.../pom.properties says version=" + version);
	}

	static List<String> contentOf(byte[] jarContent) throws IOException {
		List<String> names = new ArrayList<>();
		try (ZipInputStream jar = new ZipInputStream(new ByteArrayInputStream(jarContent))) {
			for (ZipEntry entry; (entry = jar.getNextEntry()) != null;) {
				if (!entry.isDirectory() && !entry.getName().startsWith("META-INF/")) {
					names.add(entry.getName());
				}
			}
		}
		return names;
	}

	static Element child(Element parent, String name) {
		for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
			if (node instanceof Element element && element.getTagName().equals(name)) {
				return element;
			}
		}
		return null;
	}

	static String text(Element parent, String name) {
		Element element = child(parent, name);
		return (element != null) ? element.getTextContent().trim() : "";
	}

	boolean expect(boolean condition, String what) {
		this.checks++;
		if (!condition) {
			this.failures.add(what);
		}
		return condition;
	}

}
