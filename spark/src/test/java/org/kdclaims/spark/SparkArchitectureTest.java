package org.kdclaims.spark;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The framework stays free of Spark: only this module may use it. Checked here, where Spark is on
 * the class path, so that a Spark dependency added to the framework's pom and used there fails.
 */
class SparkArchitectureTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("org.kdclaims");

    @Test
    void frameworkDoesNotDependOnSpark() {
        // the rule is only worth something if the framework's classes were imported
        assertThat(MAIN.contain("org.kdclaims.plan.SuitePlan")).isTrue();
        assertThat(MAIN.contain("org.kdclaims.spark.SparkExecutor")).isTrue();
        noClasses().that().resideInAPackage("org.kdclaims..").and().resideOutsideOfPackage("org.kdclaims.spark..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.spark..", "scala..")
                .because("the framework runs without Spark; -Dkd.executor=spark finds the spark module through"
                        + " org.kdclaims.plan.ExecutorFactory (java.util.ServiceLoader)")
                .check(MAIN);
    }

    @Test
    void theSparkModuleIsFoundThroughTheFrameworksServiceInterface() {
        assertThat(java.util.ServiceLoader.load(org.kdclaims.plan.ExecutorFactory.class).stream()
                .map(p -> p.get().name())).containsExactly("spark");
    }
}
