package org.kdclaims.extension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.Events;
import org.kdclaims.annotations.Cifar;
import org.kdclaims.annotations.Claim;
import org.kdclaims.annotations.LearningCurve;
import org.kdclaims.annotations.Scratch;
import org.kdclaims.annotations.Seeds;
import org.kdclaims.annotations.Student;
import org.kdclaims.annotations.Teacher;
import org.kdclaims.api.Arm;
import org.kdclaims.api.ClaimAssertions;
import org.kdclaims.results.ResultsStore;
import org.kdclaims.results.model.ArmResult;
import org.kdclaims.results.model.ClaimResult;
import org.kdclaims.results.model.CrossoverEpoch;
import org.kdclaims.results.model.CrossoverRecord;
import org.kdclaims.results.model.CurvePoint;
import org.kdclaims.results.model.TrainingRunRecord;

/**
 * The paper's Fig. 3 as a claim, end to end at a seconds-long scale: {@code @LearningCurve} evaluates
 * the claim's students along training (5 epochs, 2 points: after epochs 2 and 4, and after the last),
 * under keys of their own, and the crossover verdict records both curves and its tests. The same claim
 * without the annotation fails, naming the fix.
 */
class LearningCurveRunTest {
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
    void aCrossoverClaimRecordsBothLearningCurvesAndItsTests() {
        ClaimResult r = result("L1");
        assertThat(r.outcome()).isEqualTo("recorded");
        assertThat(r.verdict()).isIn("SUPPORTED", "REFUTED", "INCONCLUSIVE");
        CrossoverRecord c = r.crossover();
        assertThat(c.first()).isEqualTo("fullKd");
        assertThat(c.second()).isEqualTo("scratch");
        // every 5 / 2 = 2 epochs and after the last, although the smoke profile evaluates every epoch
        assertThat(c.firstCurve()).extracting(CurvePoint::label).containsExactly("epoch 2", "epoch 4", "epoch 5");
        assertThat(c.secondCurve()).extracting(CurvePoint::x).containsExactly(2.0, 4.0, 5.0);
        assertThat(c.firstCurve()).allSatisfy(p -> assertThat(p.arm().values()).hasSize(2));
        assertThat(c.firstCurve()).filteredOn(CurvePoint::marked).extracting(CurvePoint::label)
                .contains("epoch 2", "epoch 5");
        assertThat(c.earlyUntil()).isEqualTo(2.0);
        assertThat(c.tests()).extracting(CrossoverEpoch::label, CrossoverEpoch::part)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("epoch 2", CrossoverRecord.EARLY),
                        org.assertj.core.groups.Tuple.tuple("epoch 5", CrossoverRecord.FINAL));
        assertThat(c.tests()).filteredOn(CrossoverEpoch::decisive).hasSize(1);
        assertThat(c.rule()).contains("Holm", "intersection-union", "epochs up to 2");
        // the headline arms are the students at the end of training, the curves' last points
        assertThat(r.arms()).extracting(ArmResult::name).containsExactly("fullKd", "scratch");
        assertThat(r.arms().get(0).values()).isEqualTo(c.firstCurve().get(2).arm().values());
        assertThat(r.statistics().multiplicity()).contains("Holm over the 1 early epochs", "intersection-union");
        assertThat(r.statistics().pairing()).startsWith("paired by seed, 2 pairs");
        assertThat(r.test().pValue()).isEqualTo(r.statistics().pValue());
        assertThat(r.hypothesis()).contains("fullKd", "crosses above", "scratch");
    }

    /** The curve's students have keys of their own; their teacher is the one every other claim reads. */
    @Test
    void onlyTheClaimsStudentsAreKeyedByTheirSchedule() {
        List<TrainingRunRecord> curve = result("L1").runs();
        List<TrainingRunRecord> plain = result("L3").runs();
        assertThat(keys(curve, "teacher")).isEqualTo(keys(plain, "teacher")).hasSize(1);
        assertThat(keys(curve, "student fullKd")).hasSize(2).doesNotContainAnyElementsOf(keys(plain, "student fullKd"));
        assertThat(keys(curve, "student scratch")).hasSize(2).doesNotContainAnyElementsOf(keys(plain, "student scratch"));
        // evaluated only on the curve's schedule (epochs are 0-based in the records)
        assertThat(curve).filteredOn(run -> run.role().startsWith("student")).allSatisfy(run ->
                assertThat(run.curve()).filteredOn(e -> !Double.isNaN(e.testError())).extracting(e -> e.epoch())
                        .containsExactly(1, 3, 4));
        // a claim without a crossover writes no crossover record
        assertThat(result("L3").crossover()).isNull();
    }

    @Test
    void withoutTheAnnotationTheArmHasNoLearningCurveAndTheFixIsNamed() {
        assertThat(events.failed().stream().filter(e -> e.getTestDescriptor().getDisplayName().equals("noCurve")))
                .singleElement().satisfies(e -> assertThat(e.getPayload(TestExecutionResult.class).orElseThrow()
                        .getThrowable().orElseThrow().getMessage())
                        .contains("arm 'fullKd' has no learning curve", "@LearningCurve(points = 10)"));
    }

    private static List<String> keys(List<TrainingRunRecord> runs, String role) {
        return runs.stream().filter(r -> r.role().equals(role)).map(TrainingRunRecord::configHash).toList();
    }

    @Cifar
    @Teacher(arch = "cnn-16")
    @Student(arch = "cnn-8")
    @Seeds(value = 2, oneTeacher = true)
    static class Claims {
        @Claim(id = "L1", source = "Fig. 3", statement = "full KD's student is better early in training, worse late")
        @LearningCurve(points = 2)
        void crossover(Arm fullKd, @Scratch Arm scratch) {
            ClaimAssertions.assertThat(fullKd.testErrorByEpoch()).crossesAbove(scratch.testErrorByEpoch());
        }

        @Claim(id = "L2", source = "Fig. 3", statement = "the same, without @LearningCurve")
        void noCurve(Arm fullKd, @Scratch Arm scratch) {
            ClaimAssertions.assertThat(fullKd.testErrorByEpoch()).crossesAbove(scratch.testErrorByEpoch());
        }

        @Claim(id = "L3", source = "test", statement = "the same arms judged at the end")
        void atTheEnd(Arm fullKd, @Scratch Arm scratch) {
            ClaimAssertions.assertThat(scratch.testError()).isSignificantlyLowerThan(fullKd.testError());
        }
    }
}
