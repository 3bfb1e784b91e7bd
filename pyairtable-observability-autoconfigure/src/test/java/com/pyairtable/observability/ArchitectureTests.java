package com.pyairtable.observability;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfiguration;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The layout rules of CONVENTIONS.md, kept by the build.
 */
class ArchitectureTests {

	private static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("com.pyairtable.observability");

	@Test
	void autoConfigurationsArePublicFinalClasses() {
		classes().that()
			.areAnnotatedWith(AutoConfiguration.class)
			.should()
			.haveModifier(com.tngtech.archunit.core.domain.JavaModifier.FINAL)
			.andShould()
			.bePublic()
			.andShould()
			.haveSimpleNameEndingWith("AutoConfiguration")
			.check(CLASSES);
	}

	@Test
	void runtimePackagesNeverDependOnWiring() {
		noClasses().that()
			.resideOutsideOfPackage("com.pyairtable.observability.autoconfigure..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("com.pyairtable.observability.autoconfigure..")
			.check(CLASSES);
	}

	@Test
	void featurePackagesHaveNoCycles() {
		slices().matching("com.pyairtable.observability.(*)..").should().beFreeOfCycles().check(CLASSES);
		slices().matching("com.pyairtable.observability.autoconfigure.(*)..").should().beFreeOfCycles().check(CLASSES);
	}

	@Test
	void healthCollectsTheFeaturesChecksWithoutKnowingTheFeatures() {
		noClasses().that()
			.resideInAnyPackage("com.pyairtable.observability.health..",
					"com.pyairtable.observability.autoconfigure.health..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("com.pyairtable.observability.airtable..", "com.pyairtable.observability.saga..",
					"com.pyairtable.observability.autoconfigure.airtable..",
					"com.pyairtable.observability.autoconfigure.saga..")
			.check(CLASSES);
	}

	@Test
	void noCatchAllPackages() {
		noClasses().should().resideInAnyPackage("..util..", "..common..", "..config..", "..helpers..").check(CLASSES);
	}

}
