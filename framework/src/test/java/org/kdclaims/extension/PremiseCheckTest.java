package org.kdclaims.extension;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.kdclaims.annotations.Premise;
import org.kdclaims.extension.PremiseCheck.ScratchFacts;
import org.kdclaims.extension.PremiseCheck.TeacherFacts;
import org.kdclaims.results.model.PremiseRecord;

/** Premises are decided by the worst teacher, with the numbers that decided them. */
class PremiseCheckTest {
    // label, student, test error %, train error %, stop epoch, epochs, first decay
    private static final TeacherFacts MEDIUM = facts("wrn-16-3", "wrn-16-1", 5.3, 0.4, 200, 200, 60);
    private static final TeacherFacts LARGE_STOPPED = facts("wrn-16-8 stopped after 60 epochs", "wrn-16-1",
            4.4, 0.2, 60, 200, 60);
    private static final Map<String, Double> SCRATCH = Map.of("wrn-16-1", 8.76);

    private static List<org.kdclaims.results.model.PremiseRecord> check(Set<Premise> p, List<TeacherFacts> t,
            Map<String, Double> scratch) {
        return PremiseCheck.evaluate(p, t, scratch, List.of());
    }

    /** A teacher without size facts (key: its label; architecture: the label's first word; 0 parameters). */
    private static TeacherFacts facts(String label, String studentArch, double testError, double trainError,
            int stopEpoch, int epochs, int firstDecay, boolean sameArchitectureAsStudent, double fullTestError,
            double fullTrainError) {
        return new TeacherFacts(label, studentArch, testError, trainError, stopEpoch, epochs, firstDecay,
                sameArchitectureAsStudent, fullTestError, fullTrainError, label, label.split(" ", 2)[0], 0);
    }

    /** A teacher without size facts whose checkpoint that teaches is the fully trained model. */
    private static TeacherFacts facts(String label, String studentArch, double testError, double trainError,
            int stopEpoch, int epochs, int firstDecay) {
        return facts(label, studentArch, testError, trainError, stopEpoch, epochs, firstDecay, false, testError,
                trainError);
    }

    @Test
    void teachersMoreAccurateThanScratchHold() {
        assertThat(check(Set.of(Premise.TEACHERS_BEAT_SCRATCH), List.of(MEDIUM, LARGE_STOPPED), SCRATCH))
                .singleElement().satisfies(p -> {
                    assertThat(p.holds()).isTrue();
                    assertThat(p.observed()).isEqualTo(5.3); // the worst teacher decides
                    assertThat(p.threshold()).isEqualTo(8.76);
                    assertThat(p.statement()).contains("wrn-16-3");
                });
    }

    @Test
    void aTeacherWorseThanScratchFails() {
        TeacherFacts weak = facts("cnn-16", "cnn-8", 60, 50, 5, 5, 2);
        assertThat(check(Set.of(Premise.TEACHERS_BEAT_SCRATCH), List.of(weak), Map.of("cnn-8", 55.0)))
                .singleElement().satisfies(p -> {
                    assertThat(p.holds()).isFalse();
                    assertThat(p.observed()).isEqualTo(60);
                    assertThat(p.threshold()).isEqualTo(55);
                });
    }

    @Test
    void trainingErrorAgainstTheDocumentedThreshold() {
        TeacherFacts unfit = facts("wrn-10-8", "wrn-10-1", 20, 12.5, 16, 16, 5);
        assertThat(check(Set.of(Premise.TEACHERS_FIT_TRAINING_SET), List.of(MEDIUM, unfit), SCRATCH))
                .singleElement().satisfies(p -> {
                    assertThat(p.holds()).isFalse();
                    assertThat(p.observed()).isEqualTo(12.5);
                    assertThat(p.threshold()).isEqualTo(Premise.MAX_TEACHER_TRAINING_ERROR);
                });
        assertThat(check(Set.of(Premise.TEACHERS_FIT_TRAINING_SET), List.of(MEDIUM), SCRATCH).get(0).holds()).isTrue();
    }

    @Test
    void aStoppedTeacherMustHaveTrainedPastItsFirstDecay() {
        // stopped after 60 epochs with the decay at epoch 60: no epoch ran at the decayed rate
        assertThat(check(Set.of(Premise.STOPPED_TEACHER_PAST_FIRST_DECAY), List.of(MEDIUM, LARGE_STOPPED), SCRATCH))
                .singleElement().satisfies(p -> {
                    assertThat(p.holds()).isFalse();
                    assertThat(p.observed()).isEqualTo(60);
                    assertThat(p.threshold()).isEqualTo(60);
                    // the label already says where it stopped: the statement says it once
                    assertThat(p.statement()).contains("(worst: wrn-16-8 stopped after 60 epochs, first decay at "
                            + "epoch 60)").doesNotContain("epochs stopped after");
                });
        TeacherFacts past = facts("wrn-16-8 stopped after 61 epochs", "wrn-16-1", 4.4, 0.2, 61, 200, 60);
        assertThat(check(Set.of(Premise.STOPPED_TEACHER_PAST_FIRST_DECAY), List.of(past), SCRATCH).get(0).holds())
                .isTrue();
        // the fully trained end of a stop sweep has nothing stopped: nothing to object to
        assertThat(check(Set.of(Premise.STOPPED_TEACHER_PAST_FIRST_DECAY), List.of(MEDIUM), SCRATCH).get(0).holds())
                .isTrue();
    }

    @Test
    void rowsComeInTheEnumsOrder() {
        assertThat(PremiseCheck.evaluate(EnumSet.allOf(Premise.class), List.of(teacher("wrn-16-3", 1, 18, 5.3)),
                SCRATCH, List.of(scratch(1, 8.76))))
                .extracting(org.kdclaims.results.model.PremiseRecord::name)
                .containsExactly("TEACHERS_BEAT_SCRATCH", "TEACHERS_FIT_TRAINING_SET", "STOPPED_TEACHER_PAST_FIRST_DECAY",
                        "FULLY_TRAINED_TEACHERS_BEAT_SCRATCH", "FULLY_TRAINED_TEACHERS_FIT_TRAINING_SET",
                        "TEACHERS_IMPROVE_WITH_SIZE");
    }

    @Test
    void aTeacherOfTheStudentsOwnArchitectureNeedNotBeatScratch() {
        // self-distillation: the teacher is the student trained alone (C1's first point)
        TeacherFacts self = facts("wrn-10-1", "wrn-16-1", 9.1, 0.5, 200, 200, 60, true, 9.1, 0.5);
        assertThat(check(Set.of(Premise.TEACHERS_BEAT_SCRATCH), List.of(self, MEDIUM), SCRATCH)).singleElement()
                .satisfies(p -> {
                    assertThat(p.holds()).isTrue();
                    assertThat(p.observed()).isEqualTo(5.3);
                });
        assertThat(check(Set.of(Premise.TEACHERS_BEAT_SCRATCH), List.of(self), SCRATCH)).singleElement()
                .satisfies(p -> assertThat(p.holds()).isTrue());
        // ... but it must still fit its training set
        TeacherFacts unfitSelf = facts("wrn-10-1", "wrn-16-1", 9.1, 30, 200, 200, 60, true, 9.1, 30);
        assertThat(check(Set.of(Premise.TEACHERS_FIT_TRAINING_SET), List.of(unfitSelf), SCRATCH)).singleElement()
                .satisfies(p -> assertThat(p.holds()).isFalse());
    }

    @Test
    void fullyTrainedPremisesJudgeTheTeacherTrainedToTheEndNotItsCheckpoint() {
        // a checkpoint after 15 of 100 epochs: 70 % test and 60 % training error; trained to the end: 50 % and 1 %
        TeacherFacts stopped = facts("wrn-10-2 stopped after 15 epochs", "wrn-16-1", 70, 60, 15, 100, 30,
                false, 50, 1);
        Map<String, Double> scratch = Map.of("wrn-16-1", 58.0);
        assertThat(check(Set.of(Premise.TEACHERS_BEAT_SCRATCH, Premise.TEACHERS_FIT_TRAINING_SET), List.of(stopped),
                scratch)).allSatisfy(p -> assertThat(p.holds()).isFalse());
        assertThat(check(Set.of(Premise.FULLY_TRAINED_TEACHERS_BEAT_SCRATCH,
                Premise.FULLY_TRAINED_TEACHERS_FIT_TRAINING_SET), List.of(stopped), scratch))
                .allSatisfy(p -> {
                    assertThat(p.holds()).isTrue();
                    assertThat(p.statement()).contains("wrn-10-2 fully trained");
                })
                .extracting(org.kdclaims.results.model.PremiseRecord::observed).containsExactly(50.0, 1.0);
    }

    // ---- TEACHERS_IMPROVE_WITH_SIZE -------------------------------------------------------------
    // Parameter counts are powers of two here, so that x = log2(parameters) is 17 (the wrn-16-1
    // students trained alone), 18 (wrn-16-2 teachers) and 19 (wrn-16-4 teachers); slopes and p values
    // were checked with scipy.stats.linregress on the same (x, test error) pairs.

    /** A fully trained teacher of wrn-16-1 students with its size facts: key and label "arch seed s". */
    private static TeacherFacts teacher(String arch, long seed, int log2Parameters, double testError) {
        String label = arch + " seed " + seed;
        return new TeacherFacts(label, "wrn-16-1", testError, 0.5, 200, 200, 60, false, testError, 0.5, label, arch,
                1L << log2Parameters);
    }

    private static ScratchFacts scratch(long seed, double testError) {
        return new ScratchFacts("scratch " + seed, "wrn-16-1 seed " + seed, "wrn-16-1", 1L << 17, testError);
    }

    private static PremiseRecord size(List<TeacherFacts> teachers, List<ScratchFacts> scratch) {
        return PremiseCheck.evaluate(Set.of(Premise.TEACHERS_IMPROVE_WITH_SIZE), teachers, Map.of(), scratch).get(0);
    }

    /** Students trained alone at 17 with {@code s}, teachers of wrn-16-2 at 18 with {@code m}, of wrn-16-4 at 19 with {@code l}. */
    private static PremiseRecord size(double[] s, double[] m, double[] l) {
        List<TeacherFacts> teachers = new java.util.ArrayList<>();
        for (int i = 0; i < m.length; i++) {
            teachers.add(teacher("wrn-16-2", i + 1, 18, m[i]));
        }
        for (int i = 0; i < l.length; i++) {
            teachers.add(teacher("wrn-16-4", i + 1, 19, l[i]));
        }
        List<ScratchFacts> scratch = new java.util.ArrayList<>();
        for (int i = 0; i < s.length; i++) {
            scratch.add(scratch(i + 1, s[i]));
        }
        return size(teachers, scratch);
    }

    @Test
    void aSignificantlyFallingSlopeHoldsEvenWhereTheWidestIsNotTheBest() {
        // means 9.0, 6.0, 6.3: wrn-16-4 is worse than wrn-16-2, but the slope is -1.35 per doubling,
        // se 0.367909, t -3.669 on df 7, one-sided p 0.003985: (a)
        PremiseRecord p = size(new double[] {9.0, 9.2, 8.8}, new double[] {6.0, 6.2, 5.8}, new double[] {6.3, 6.5, 6.1});
        assertThat(p.name()).isEqualTo("TEACHERS_IMPROVE_WITH_SIZE");
        assertThat(p.holds()).isTrue();
        assertThat(p.observed()).isCloseTo(-1.35, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(p.threshold()).isZero();
        assertThat(p.unit()).isEqualTo("points per doubling of parameters");
        assertThat(p.statement()).contains("slope -1.350 points per doubling", "p = 0.00399", "n = 9",
                "wrn-16-1 [131k] 9.00 % (n = 3)", "wrn-16-2 [262k] 6.00 % (n = 3)", "wrn-16-4 [524k] 6.30 % (n = 3)",
                "(a) holds", "(b) does not: wrn-16-4 [524k] (6.30 %) is worse than the smaller wrn-16-2 [262k] (6.00 %)");
    }

    @Test
    void aFlatButMonotoneSetHoldsByNoLargerSizeBeingWorse() {
        // means 9.0, 9.0, 8.9: the slope -0.05 is far from significant (p 0.4706), but no larger size is worse: (b)
        PremiseRecord p = size(new double[] {9.0, 8.0, 10.0}, new double[] {9.0, 7.0, 11.0},
                new double[] {8.9, 10.9, 6.9});
        assertThat(p.holds()).isTrue();
        assertThat(p.observed()).isCloseTo(-0.05, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(p.statement()).contains("p = 0.471", "(b) holds: no larger size is worse",
                "(a) does not: the slope is not significant (p = 0.471, alpha 0.05)");
    }

    @Test
    void aWiderTeacherWorseWithoutASignificantSlopeFailsNamingTheWorstPair() {
        // means 10, 8, 9.33: slope -0.333 per doubling, se 0.667658, p 0.3165; wrn-16-4 is 1.33 points worse
        // than wrn-16-2 (and better than wrn-16-1): that pair is named
        PremiseRecord p = size(new double[] {10, 8, 12}, new double[] {8, 7, 9}, new double[] {9.5, 8, 10.5});
        assertThat(p.holds()).isFalse();
        assertThat(p.observed()).isCloseTo(-1.0 / 3, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(p.statement()).contains("neither holds", "the slope is not significant (p = 0.316",
                "wrn-16-4 [524k] (9.33 %) is worse than the smaller wrn-16-2 [262k] (8.00 %) by 1.33 points");
        // a rising slope says so
        PremiseRecord rising = size(new double[] {8, 9, 7}, new double[] {9, 8, 10}, new double[] {9, 10, 11});
        assertThat(rising.holds()).isFalse();
        assertThat(rising.statement()).contains("(a) the slope is not negative", "wrn-16-4 [524k] (10.00 %) is worse "
                + "than the smaller wrn-16-1 [131k] (8.00 %)");
    }

    @Test
    void oneSizeHoldsVacuously() {
        // self-distillation: every teacher is the student's own architecture
        TeacherFacts self = new TeacherFacts("wrn-16-1 seed 7", "wrn-16-1", 9.1, 0.5, 200, 200, 60, true, 9.1, 0.5,
                "t7", "wrn-16-1", 1L << 17);
        PremiseRecord p = size(List.of(self), List.of(scratch(1, 8.8), scratch(2, 9.4)));
        assertThat(p.holds()).isTrue();
        assertThat(p.observed()).isNaN();
        assertThat(p.statement()).contains("one size (wrn-16-1 [131k], 3 fully trained teachers and students trained "
                + "alone)", "no larger model");
    }

    @Test
    void eachModelCountsOnceAndAStoppedTeacherByItsFullyTrainedModel() {
        // the same teacher teaching two student architectures, and a teacher that is also a scratch
        // student (same key), count once; the stopped checkpoint (60 %) is judged by its full model (6 %)
        TeacherFacts stopped = new TeacherFacts("wrn-16-2 seed 1 stopped after 20 epochs", "wrn-16-1", 60, 40, 20,
                200, 60, false, 6.0, 0.5, "k1", "wrn-16-2", 1L << 18);
        TeacherFacts again = new TeacherFacts("wrn-16-2 seed 1", "wrn-10-1", 6.0, 0.5, 200, 200, 60, false, 6.0, 0.5,
                "k1", "wrn-16-2", 1L << 18);
        TeacherFacts alsoScratch = new TeacherFacts("wrn-16-1 seed 2", "wrn-16-1", 9.0, 0.5, 200, 200, 60, true, 9.0,
                0.5, "scratch 2", "wrn-16-1", 1L << 17);
        PremiseRecord p = size(List.of(stopped, again, alsoScratch), List.of(scratch(1, 9.2), scratch(2, 9.0)));
        assertThat(p.holds()).isTrue();
        // two models (scratch 1, scratch 2) at 17, one (k1) at 18: slope 6 - 9.1 = -3.1, n = 3, df 1
        assertThat(p.observed()).isCloseTo(-3.1, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(p.statement()).contains("(n = 3)", "wrn-16-1 [131k] 9.10 % (n = 2)", "wrn-16-2 [262k] 6.00 % (n = 1)");
    }

    @Test
    void twoModelsCannotTestTheSlopeButMayStillBeMonotone() {
        PremiseRecord p = size(List.of(teacher("wrn-16-2", 1, 18, 7.0)), List.of(scratch(1, 9.0)));
        assertThat(p.holds()).isTrue();
        assertThat(p.statement()).contains("p = n/a", "(b) holds", "cannot be tested on 2 models (needs 3)");
    }

    @Test
    void aModelWithoutAParameterCountIsAnError() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> size(List.of(MEDIUM), List.of(scratch(1, 9.0))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no parameter count for wrn-16-3");
    }
}
