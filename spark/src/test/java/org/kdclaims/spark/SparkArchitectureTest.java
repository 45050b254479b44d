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
 * And the module's wiring: found through the framework's service interface, logging without loops.
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
    void kdExecutorSparkFindsThisModuleAndConnectsOnlyWhenARunTrains() {
        assertThat(java.util.ServiceLoader.load(org.kdclaims.plan.ExecutorFactory.class).stream()
                .map(p -> p.get().name())).containsExactly("spark");
        org.kdclaims.config.Settings s = org.kdclaims.config.Settings.from(k -> java.util.Optional.ofNullable(
                java.util.Map.of("kd.executor", "spark", "kd.spark.master", "spark://10.0.0.1:7077").get(k)));
        org.kdclaims.plan.Executor e = org.kdclaims.plan.ExecutorFactory.forSettings(s);
        assertThat(e).isInstanceOf(SparkExecutor.class);
        assertThat(e.describe()).contains("spark://10.0.0.1:7077");
        // -Dkd.plan=only prints the plan with this executor: no cluster may be needed for that
        assertThat(org.apache.spark.SparkContext$.MODULE$.getActive().isEmpty()).isTrue();
    }

    /**
     * One SLF4J binding (the build's slf4j-jdk14) and no JUL -> SLF4J bridge: Spark installs
     * jul-to-slf4j whenever it is on the class path, and with slf4j-jdk14 every log line would loop.
     */
    @Test
    void loggingHasTheBuildsBindingAndNoBridgeBackToJul() {
        assertThat(org.slf4j.LoggerFactory.getILoggerFactory().getClass().getName())
                .isEqualTo("org.slf4j.impl.JDK14LoggerFactory");
        ClassLoader cl = getClass().getClassLoader();
        assertThat(cl.getResource("org/slf4j/bridge/SLF4JBridgeHandler.class")).as("jul-to-slf4j").isNull();
        assertThat(cl.getResource("org/apache/logging/slf4j/Log4jLoggerFactory.class")).as("log4j-slf4j2-impl")
                .isNull();
        assertThat(cl.getResource("org/apache/logging/slf4j/SLF4JLoggerContext.class")).as("log4j-to-slf4j")
                .isNull();
    }
}
