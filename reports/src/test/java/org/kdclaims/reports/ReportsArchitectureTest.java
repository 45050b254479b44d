package org.kdclaims.reports;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The reports' side of the layering (the framework's is its ArchitectureTest): the reports read
 * the results module and listen to its claim events; they never reach into the framework, and the
 * results module never reaches back into them.
 */
class ReportsArchitectureTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.kdclaims");

    private static final String[] FRAMEWORK = {"org.kdclaims.annotations..", "org.kdclaims.api..",
        "org.kdclaims.extension..", "org.kdclaims.plan..", "org.kdclaims.training..", "org.kdclaims.store..",
        "org.kdclaims.data..", "org.kdclaims.models..", "org.kdclaims.stats..", "org.kdclaims.config.."};

    @Test
    void reportsDoNotDependOnTheFramework() {
        noClasses().that().resideInAPackage("org.kdclaims.reports..")
                .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORK)
                .check(MAIN);
    }

    @Test
    void resultsDoNotDependOnTheReports() {
        noClasses().that().resideInAnyPackage("org.kdclaims.results..", "org.kdclaims.io..")
                .should().dependOnClassesThat().resideInAPackage("org.kdclaims.reports..")
                .check(MAIN);
    }

    @Test
    void onlyTheAllurePackageTalksToAllure() {
        noClasses().that().resideOutsideOfPackage("org.kdclaims.reports.allure..")
                .should().dependOnClassesThat().resideInAPackage("io.qameta.allure..")
                .check(MAIN);
    }

    @Test
    void packagesAreFreeOfCycles() {
        slices().matching("org.kdclaims.(**)").should().beFreeOfCycles().check(MAIN);
    }
}
