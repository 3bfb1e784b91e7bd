package com.pyairtable.observability.opskit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

import com.pyairtable.observability.logging.SecretRedactor;
import org.jspecify.annotations.Nullable;

/**
 * Generates the whole kit: rules, promtool tests, dashboards, stack configuration and a
 * README, every file run through the redactor (the files are built from configuration:
 * runbook addresses, service names, targets), so that a secret in a property never
 * reaches a file or the {@code opskit} endpoint.
 */
public final class OpsKitGenerator {

	private final AlertRulesGenerator alertRules = new AlertRulesGenerator();

	private final LegacyRulesGenerator legacyRules = new LegacyRulesGenerator();

	private final SloRulesGenerator sloRules = new SloRulesGenerator();

	private final RuleTestsGenerator ruleTests = new RuleTestsGenerator();

	private final DashboardGenerator dashboards = new DashboardGenerator();

	private final StackConfigGenerator stack = new StackConfigGenerator();

	private final UnaryOperator<@Nullable String> redactor;

	/**
	 * Creates the generator with the built-in redaction patterns.
	 */
	public OpsKitGenerator() {
		this(SecretRedactor.withDefaults()::redact);
	}

	/**
	 * Creates the generator.
	 * @param redactor the redactor every file goes through, such as
	 * {@code SecretRedactor::redact}
	 */
	public OpsKitGenerator(UnaryOperator<@Nullable String> redactor) {
		this.redactor = redactor;
	}

	/**
	 * Generates the kit.
	 * @param settings the kit settings
	 * @return the kit, redacted
	 * @throws IllegalStateException naming the file when redaction fails (no file is then
	 * returned)
	 */
	public OpsKit generate(OpsKitSettings settings) {
		Map<String, String> files = new LinkedHashMap<>();
		files.putAll(this.alertRules.generate(settings));
		files.putAll(this.legacyRules.generate(settings));
		files.putAll(this.sloRules.generate(settings));
		files.putAll(this.ruleTests.generate(settings));
		files.putAll(this.dashboards.generate(settings));
		files.putAll(this.stack.generate(settings));
		files.put("README.md", KitReadme.readme(settings));
		// Keeps the receivers' secrets out of a repository the kit is committed to.
		files.put(OpsKitWriter.SECRETS + "/.gitignore", "*\n!.gitignore\n");
		return new OpsKit(files).redacted(this.redactor);
	}

}
