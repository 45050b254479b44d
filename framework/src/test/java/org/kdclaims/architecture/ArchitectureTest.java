package org.kdclaims.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.Arrays;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.kdclaims.extension.KdClaimsExtension;
import org.kdclaims.plan.CostModel;
import org.kdclaims.plan.Executor;
import org.kdclaims.plan.LocalExecutor;
import org.kdclaims.plan.PlanReport;
import org.kdclaims.plan.SuiteProgress;
import org.kdclaims.store.ModelStore;
import org.kdclaims.training.ProgressListener;
import org.kdclaims.training.RunJournal;
import org.kdclaims.training.Trainer;

/**
 * The package structure a newcomer can rely on: no package cycles, and dependencies that point
 * from the user surface down to the engine and the results model, never back up. The framework
 * publishes claim events and writes results; it never draws a report or talks to Allure (the
 * reports module listens to the events; its own rules are in the reports module's tests).
 */
class ArchitectureTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.kdclaims");

    /*
     * Frozen exception 1: the user's annotations (@Claim, @Cifar, @FashionMnist) carry
     * @ExtendWith(KdClaimsExtension.class), which is how JUnit finds the extension, and the
     * extension reads those annotations. The cycle is JUnit's design, not an accident.
     */
    private static final DescribedPredicate<JavaClass> USER_ANNOTATIONS = resideInAPackage("org.kdclaims.annotations..");
    private static final DescribedPredicate<JavaClass> THE_EXTENSION = equivalentTo(KdClaimsExtension.class);

    /** The framework module's packages. */
    private static final String[] FRAMEWORK = {"org.kdclaims.annotations..", "org.kdclaims.api..",
        "org.kdclaims.extension..", "org.kdclaims.plan..", "org.kdclaims.training..", "org.kdclaims.store..",
        "org.kdclaims.data..", "org.kdclaims.models..", "org.kdclaims.stats..", "org.kdclaims.config..",
        "org.kdclaims.spi.."};

    @Test
    void packagesAreFreeOfCycles() {
        slices().matching("org.kdclaims.(*)..").should().beFreeOfCycles()
                .ignoreDependency(USER_ANNOTATIONS, THE_EXTENSION)
                .check(MAIN);
    }

    /**
     * The results module's packages at the bottom: the results model, store and events, reached from
     * the extension only (which records a claim and publishes its events), and {@code io}, which
     * depends on nothing of ours.
     */
    @Test
    void layersPointDownwards() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Surface").definedBy("org.kdclaims.annotations..", "org.kdclaims.api..")
                .layer("Extension").definedBy("org.kdclaims.extension..")
                .layer("Plan").definedBy("org.kdclaims.plan..")
                .layer("Engine").definedBy("org.kdclaims.training..", "org.kdclaims.store..", "org.kdclaims.data..",
                        "org.kdclaims.models..", "org.kdclaims.stats..", "org.kdclaims.config..")
                .layer("Spi").definedBy("org.kdclaims.spi..")
                .layer("Results").definedBy("org.kdclaims.results..")
                .layer("Io").definedBy("org.kdclaims.io..")
                .whereLayer("Surface").mayOnlyBeAccessedByLayers("Extension")
                .whereLayer("Extension").mayOnlyBeAccessedByLayers("Surface")
                .whereLayer("Plan").mayOnlyBeAccessedByLayers("Surface", "Extension")
                .whereLayer("Engine").mayOnlyBeAccessedByLayers("Surface", "Extension", "Plan")
                .whereLayer("Spi").mayOnlyBeAccessedByLayers("Surface", "Extension", "Plan", "Engine")
                .whereLayer("Spi").mayNotAccessAnyLayer()
                .whereLayer("Results").mayOnlyBeAccessedByLayers("Extension")
                .whereLayer("Results").mayOnlyAccessLayers("Io")
                .whereLayer("Io").mayNotAccessAnyLayer()
                .ignoreDependency(USER_ANNOTATIONS, THE_EXTENSION)
                .check(MAIN);
    }

    /** The framework reaches the reports through claim events only: no report, chart or Allure class. */
    @Test
    void frameworkDoesNotDependOnReportsOrAllure() {
        noClasses().that().resideInAnyPackage(FRAMEWORK)
                .should().dependOnClassesThat().resideInAnyPackage("org.kdclaims.reports..", "io.qameta.allure..")
                .check(MAIN);
    }

    /** The results module is shared by the framework and the reports, so it depends on neither. */
    @Test
    void resultsDependOnNeitherFrameworkNorReports() {
        noClasses().that().resideInAnyPackage("org.kdclaims.results..", "org.kdclaims.io..")
                .should().dependOnClassesThat().resideInAnyPackage(with(FRAMEWORK, "org.kdclaims.reports.."))
                .check(MAIN);
    }

    private static String[] with(String[] packages, String more) {
        String[] all = Arrays.copyOf(packages, packages.length + 1);
        all[packages.length] = more;
        return all;
    }

    /**
     * The extension is JUnit glue: it turns annotations into plans and arms into verdicts. How runs
     * are estimated, scheduled and trained into the store lives in {@code plan}, where a
     * non-JUnit runner (a cluster executor) can reuse it.
     */
    @Test
    void extensionHoldsNoTrainingOrPlanningCode() {
        noClasses().that().resideInAPackage("org.kdclaims.extension..")
                .should().dependOnClassesThat(belongToAnyOf(LocalExecutor.class, Executor.class, CostModel.class,
                        PlanReport.class, SuiteProgress.class, ProgressListener.class, RunJournal.class))
                .orShould().callMethodWhere(describe("Trainer.train or ModelStore.getOrTrain", call ->
                        call.getTargetOwner().isEquivalentTo(Trainer.class) && call.getName().equals("train")
                                || call.getTargetOwner().isEquivalentTo(ModelStore.class)
                                && call.getName().equals("getOrTrain")))
                .check(MAIN);
    }

    /** A provider compiles against the SPI alone, which therefore depends on nothing else of ours. */
    @Test
    void spiDependsOnNothingOfOurs() {
        noClasses().that().resideInAPackage("org.kdclaims.spi..")
                .should().dependOnClassesThat(resideInAPackage("org.kdclaims..")
                        .and(resideOutsideOfPackage("org.kdclaims.spi..")))
                .check(MAIN);
    }

    @Test
    void modelsDoNotDependOnTraining() {
        noClasses().that().resideInAPackage("org.kdclaims.models..")
                .should().dependOnClassesThat().resideInAPackage("org.kdclaims.training..").check(MAIN);
    }

    @Test
    void dataDoesNotDependOnModelsOrTraining() {
        noClasses().that().resideInAPackage("org.kdclaims.data..")
                .should().dependOnClassesThat().resideInAnyPackage("org.kdclaims.models..", "org.kdclaims.training..")
                .check(MAIN);
    }

    @Test
    void statsDependsOnNothingOfOurs() {
        noClasses().that().resideInAPackage("org.kdclaims.stats..")
                .should().dependOnClassesThat(resideInAPackage("org.kdclaims..")
                        .and(resideOutsideOfPackage("org.kdclaims.stats..")))
                .check(MAIN);
    }
}
