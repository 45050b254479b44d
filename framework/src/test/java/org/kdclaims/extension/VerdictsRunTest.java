package org.kdclaims.extension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.Events;
import org.kdclaims.annotations.Cifar;
import org.kdclaims.annotations.Claim;
import org.kdclaims.annotations.EarlyStopAt;
import org.kdclaims.annotations.PaperValue;
import org.kdclaims.annotations.Premise;
import org.kdclaims.annotations.Premises;
import org.kdclaims.annotations.Seeds;
import org.kdclaims.annotations.Student;
import org.kdclaims.annotations.Sweep;
import org.kdclaims.annotations.Teacher;
import org.kdclaims.api.Arm;
import org.kdclaims.api.ArmCurve;
import org.kdclaims.api.ClaimAssertions;
import org.kdclaims.results.model.ClaimResult;
import org.kdclaims.results.model.CurvePoint;
import org.kdclaims.results.ResultsStore;
import org.kdclaims.results.model.RunResults;
import org.kdclaims.results.model.TrainingRunRecord;

/**
 * Verdicts that answer the paper's question, end to end at a seconds-long scale: paired statistics
 * with power, a curve claim with one verdict, premises that put a claim in or outside the paper's
 * regime, and fresh seeds.
 */
class VerdictsRunTest {
    private static Events events;
    private static List<ClaimResult> results;

    @BeforeAll
    static void runClaims() {
        events = TinyScale.engine().selectors(selectClass(Claims.class)).execute().testEvents();
        results = ResultsStore.defaultStore().read().claims();
    }

    private static ClaimResult result(String id) {
        return results.stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void twoArmsOnTheSameSeedsArePairedAndThePowerIsRecorded() {
        ClaimResult r = result("V1");
        assertThat(r.statistics().test()).isEqualTo("paired t-test, one-sided");
        assertThat(r.test().method()).isEqualTo(r.statistics().test());
        assertThat(r.statistics().pairing()).isEqualTo("paired by seed, 2 pairs");
        assertThat(r.statistics().detectableDifference()).isPositive();
        assertThat(r.statistics().difference()).isEqualTo(r.arms().get(0).mean() - r.arms().get(1).mean(),
                org.assertj.core.data.Offset.offset(1e-9));
        // eskd 29.16 - fullKd 30.79, from the labels "<arm>: ..."
        assertThat(r.statistics().paperDifference()).isCloseTo(-1.63, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(r.statistics().seedsToDetectPaper()).isNotNull();
        assertThat(r.statistics().canDetectPaperEffect()).isNotNull();
        assertThat(r.regime()).isNull();
        assertThat(r.verdict()).isIn("SUPPORTED", "REFUTED", "INCONCLUSIVE");
    }

    @Test
    void aCurveClaimHasOneVerdictAndEveryPointTrainedThroughThePlan() {
        List<ClaimResult> curves = results.stream().filter(r -> r.id().equals("V2")).toList();
        assertThat(curves).singleElement().satisfies(r -> {
            assertThat(r.displayName()).isEqualTo("studentsOfGrowingTeachers");
            assertThat(r.verdict()).isIn("SUPPORTED", "REFUTED", "INCONCLUSIVE");
            assertThat(r.curve().dimension()).isEqualTo("teacher architecture");
            assertThat(r.curve().shape()).isEqualTo("INTERIOR_MINIMUM");
            assertThat(r.curve().points()).extracting(CurvePoint::label).containsExactly("cnn-4", "cnn-8", "cnn-16");
            assertThat(r.curve().points()).allSatisfy(p -> assertThat(p.arm().values()).hasSize(2));
            assertThat(r.curve().points()).extracting(CurvePoint::paperValue).containsExactly(null, null, 7.0);
            assertThat(r.curve().points().get(2).marked()).isTrue();
            assertThat(r.curve().points()).filteredOn(CurvePoint::marked).hasSizeBetween(1, 2);
            assertThat(r.statistics().multiplicity()).startsWith("Holm").contains("2 comparisons");
            // three teachers, six students: all trained by the suite's plan before the claim ran
            assertThat(r.runs()).filteredOn(run -> run.role().equals("teacher")).extracting(TrainingRunRecord::arch)
                    .hasSize(3).doesNotHaveDuplicates();
            assertThat(r.runs()).filteredOn(run -> run.role().startsWith("student students[teacher=")).hasSize(6);
        });
    }

    @Test
    void aFailedPremiseIsOutsideTheRegimeAndAborts() {
        ClaimResult r = result("V3");
        assertThat(r.regime()).isEqualTo(ClaimResult.OUTSIDE_REGIME);
        assertThat(r.verdict()).isEqualTo(ClaimResult.OUTSIDE_REGIME);
        assertThat(r.statisticalVerdict()).isIn("SUPPORTED", "REFUTED", "INCONCLUSIVE");
        assertThat(r.outcome()).isEqualTo("aborted");
        assertThat(r.failedPremises()).singleElement().satisfies(p -> {
            assertThat(p.name()).isEqualTo("STOPPED_TEACHER_PAST_FIRST_DECAY");
            assertThat(p.observed()).isLessThanOrEqualTo(p.threshold());
        });
        assertThat(events.aborted().stream().filter(e -> e.getTestDescriptor().getDisplayName().equals("stoppedTooEarly")))
                .singleElement().satisfies(e -> assertThat(
                e.getPayload(org.junit.platform.engine.TestExecutionResult.class).orElseThrow().getThrowable()
                        .orElseThrow().getMessage())
                .contains("OUTSIDE_REGIME", "STOPPED_TEACHER_PAST_FIRST_DECAY", "observed", "threshold"));
    }

    @Test
    void premisesThatHoldAreInTheRegime() {
        ClaimResult r = result("V4");
        assertThat(r.premises()).singleElement().satisfies(p -> assertThat(p.holds()).isTrue());
        assertThat(r.regime()).isEqualTo(ClaimResult.IN_REGIME);
        assertThat(r.statisticalVerdict()).isNull();
        assertThat(r.outcome()).isEqualTo("recorded");
    }

    @Test
    void teachersAreComparedWithScratchStudentsTrainedForTheCheck() {
        ClaimResult r = result("V5");
        assertThat(r.premises()).extracting(org.kdclaims.results.model.PremiseRecord::name)
                .containsExactly("TEACHERS_BEAT_SCRATCH", "TEACHERS_FIT_TRAINING_SET");
        // the claim has no @Scratch arm: the extension planned and trained one for the premise
        assertThat(r.runs()).filteredOn(run -> run.role().equals("student scratch cnn-8 (premise)"))
                .extracting(TrainingRunRecord::seed).containsExactlyInAnyOrder(1L, 2L);
        assertThat(r.regime()).isIn(ClaimResult.IN_REGIME, ClaimResult.OUTSIDE_REGIME);
    }

    @Test
    void teachersImprovingWithSizeAreJudgedWithTheScratchStudents() {
        ClaimResult r = result("V6");
        TrainingRunRecord teacher = r.runs().stream().filter(run -> run.role().equals("teacher")).findFirst()
                .orElseThrow();
        List<TrainingRunRecord> scratch = r.runs().stream()
                .filter(run -> run.role().equals("student scratch cnn-8 (premise)")).toList();
        // the claim has no @Scratch arm: the premise alone has scratch students trained
        assertThat(scratch).extracting(TrainingRunRecord::seed).containsExactlyInAnyOrder(1L, 2L);
        // two sizes: one (larger) teacher and two students trained alone, so the slope has the sign of the
        // teacher's error minus the students' mean, and (a) cannot hold without (b), which decides
        double difference = teacher.finalMetrics().get("test error %")
                - scratch.stream().mapToDouble(run -> run.finalMetrics().get("test error %")).sum() / 2;
        assertThat(r.premises()).singleElement().satisfies(p -> {
            assertThat(p.name()).isEqualTo("TEACHERS_IMPROVE_WITH_SIZE");
            assertThat(p.statement()).contains("(n = 3)", teacher.arch() + " [", scratch.get(0).arch() + " [");
            assertThat(Math.signum(p.observed())).isEqualTo(Math.signum(difference));
            assertThat(p.threshold()).isZero();
            assertThat(p.holds()).isEqualTo(difference <= 0);
        });
        assertThat(r.regime()).isEqualTo(difference <= 0 ? ClaimResult.IN_REGIME : ClaimResult.OUTSIDE_REGIME);
    }

    @Test
    void aFreshSeedBaseReplacesEverySeedAndIsRecorded() {
        RunResults fresh = runWith(Claims.class, "41");
        ClaimResult r = fresh.claims().stream().filter(c -> c.id().equals("V1")).findFirst().orElseThrow();
        assertThat(fresh.run().seedBase()).isEqualTo(41L);
        assertThat(fresh.run().cpuIsa()).isNotBlank();
        assertThat(r.parameters()).containsEntry("seeds", "2 seeds from 41, one teacher per arm (seed 41): verdict conditional on that teacher");
        assertThat(r.arms()).allSatisfy(a -> assertThat(a.seeds()).containsExactly(41L, 42L));
        assertThat(r.runs()).filteredOn(run -> run.role().equals("teacher")).singleElement()
                .satisfies(t -> assertThat(t.seed()).isEqualTo(41L));
        List<String> freshKeys = r.runs().stream().map(TrainingRunRecord::configHash).toList();
        List<String> ownKeys = result("V1").runs().stream().map(TrainingRunRecord::configHash).toList();
        assertThat(freshKeys).doesNotContainAnyElementsOf(ownKeys);
        assertThat(result("V1").parameters()).containsEntry("seeds", "2 seeds from 1, one teacher per arm (seed 1): verdict conditional on that teacher");
    }

    private static RunResults runWith(Class<?> c, String seedBase) {
        TinyScale.engine("kd.seedBase", seedBase).selectors(selectClass(c)).execute();
        return ResultsStore.defaultStore().read();
    }

    @Cifar
    @Teacher(arch = "cnn-16")
    @Student(arch = "cnn-8")
    @Seeds(value = 2, oneTeacher = true)
    static class Claims {
        @Claim(id = "V1", source = "test", statement = "ESKD vs full KD, paired by seed",
                paper = {@PaperValue(label = "fullKd: full KD", value = 30.79),
                         @PaperValue(label = "eskd: ESKD", value = 29.16)})
        void eskdVsKd(@EarlyStopAt(fraction = 0.5) Arm eskd, Arm fullKd) {
            ClaimAssertions.assertThat(eskd.testError()).isSignificantlyLowerThan(fullKd.testError());
        }

        @Claim(id = "V2", source = "test", statement = "student error falls, then rises with the teacher's width",
                paper = @PaperValue(label = "cnn-16: student of the widest teacher", value = 7.0))
        void studentsOfGrowingTeachers(@Sweep(teacher = {"cnn-4", "cnn-8", "cnn-16"}) ArmCurve students) {
            ClaimAssertions.assertThat(students.testError()).fallsThenRises();
        }

        @Claim(id = "V3", source = "test", statement = "a teacher stopped on its first plateau")
        @Premises(Premise.STOPPED_TEACHER_PAST_FIRST_DECAY)
        void stoppedTooEarly(@Teacher(arch = "cnn-16", stopAt = @EarlyStopAt(fraction = 0.2)) Arm early, Arm full) {
            ClaimAssertions.assertThat(early.testError()).isSignificantlyLowerThan(full.testError());
        }

        @Claim(id = "V4", source = "test", statement = "a teacher stopped after its first decay")
        @Premises(Premise.STOPPED_TEACHER_PAST_FIRST_DECAY)
        void stoppedLate(@Teacher(arch = "cnn-16", stopAt = @EarlyStopAt(fraction = 0.8)) Arm late, Arm full) {
            ClaimAssertions.assertThat(late.testError()).isSignificantlyLowerThan(full.testError());
        }

        @Claim(id = "V5", source = "test", statement = "teachers checked against scratch students")
        @Premises({Premise.TEACHERS_FIT_TRAINING_SET, Premise.TEACHERS_BEAT_SCRATCH})
        void checkedTeachers(Arm kd, @EarlyStopAt(fraction = 0.5) Arm eskd) {
            ClaimAssertions.assertThat(eskd.testError()).isSignificantlyLowerThan(kd.testError());
        }

        @Claim(id = "V6", source = "test", statement = "teachers checked for improving with size")
        @Premises(Premise.TEACHERS_IMPROVE_WITH_SIZE)
        void sizedTeachers(Arm kd, @EarlyStopAt(fraction = 0.5) Arm eskd) {
            ClaimAssertions.assertThat(eskd.testError()).isSignificantlyLowerThan(kd.testError());
        }
    }
}
