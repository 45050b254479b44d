package org.kdclaims.extension;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.kdclaims.annotations.Premise;
import org.kdclaims.extension.PremiseCheck.TeacherFacts;

/** Premises are decided by the worst teacher, with the numbers that decided them. */
class PremiseCheckTest {
    // label, student, test error %, train error %, stop epoch, epochs, first decay
    private static final TeacherFacts MEDIUM = new TeacherFacts("wrn-16-3", "wrn-16-1", 5.3, 0.4, 200, 200, 60);
    private static final TeacherFacts LARGE_STOPPED = new TeacherFacts("wrn-16-8 stopped after 60 epochs", "wrn-16-1",
            4.4, 0.2, 60, 200, 60);
    private static final Map<String, Double> SCRATCH = Map.of("wrn-16-1", 8.76);

    private static List<org.kdclaims.results.model.PremiseRecord> check(Set<Premise> p, List<TeacherFacts> t,
            Map<String, Double> scratch) {
        return PremiseCheck.evaluate(p, t, scratch);
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
        TeacherFacts weak = new TeacherFacts("cnn-16", "cnn-8", 60, 50, 5, 5, 2);
        assertThat(check(Set.of(Premise.TEACHERS_BEAT_SCRATCH), List.of(weak), Map.of("cnn-8", 55.0)))
                .singleElement().satisfies(p -> {
                    assertThat(p.holds()).isFalse();
                    assertThat(p.observed()).isEqualTo(60);
                    assertThat(p.threshold()).isEqualTo(55);
                });
    }

    @Test
    void trainingErrorAgainstTheDocumentedThreshold() {
        TeacherFacts unfit = new TeacherFacts("wrn-10-8", "wrn-10-1", 20, 12.5, 16, 16, 5);
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
                });
        TeacherFacts past = new TeacherFacts("wrn-16-8 stopped after 61 epochs", "wrn-16-1", 4.4, 0.2, 61, 200, 60);
        assertThat(check(Set.of(Premise.STOPPED_TEACHER_PAST_FIRST_DECAY), List.of(past), SCRATCH).get(0).holds())
                .isTrue();
        // the fully trained end of a stop sweep has nothing stopped: nothing to object to
        assertThat(check(Set.of(Premise.STOPPED_TEACHER_PAST_FIRST_DECAY), List.of(MEDIUM), SCRATCH).get(0).holds())
                .isTrue();
    }

    @Test
    void rowsComeInTheEnumsOrder() {
        assertThat(check(EnumSet.allOf(Premise.class), List.of(MEDIUM), SCRATCH))
                .extracting(org.kdclaims.results.model.PremiseRecord::name)
                .containsExactly("TEACHERS_BEAT_SCRATCH", "TEACHERS_FIT_TRAINING_SET", "STOPPED_TEACHER_PAST_FIRST_DECAY",
                        "FULLY_TRAINED_TEACHERS_BEAT_SCRATCH", "FULLY_TRAINED_TEACHERS_FIT_TRAINING_SET");
    }

    @Test
    void aTeacherOfTheStudentsOwnArchitectureNeedNotBeatScratch() {
        // self-distillation: the teacher is the student trained alone (C1's first point)
        TeacherFacts self = new TeacherFacts("wrn-10-1", "wrn-16-1", 9.1, 0.5, 200, 200, 60, true, 9.1, 0.5);
        assertThat(check(Set.of(Premise.TEACHERS_BEAT_SCRATCH), List.of(self, MEDIUM), SCRATCH)).singleElement()
                .satisfies(p -> {
                    assertThat(p.holds()).isTrue();
                    assertThat(p.observed()).isEqualTo(5.3);
                });
        assertThat(check(Set.of(Premise.TEACHERS_BEAT_SCRATCH), List.of(self), SCRATCH)).singleElement()
                .satisfies(p -> assertThat(p.holds()).isTrue());
        // ... but it must still fit its training set
        TeacherFacts unfitSelf = new TeacherFacts("wrn-10-1", "wrn-16-1", 9.1, 30, 200, 200, 60, true, 9.1, 30);
        assertThat(check(Set.of(Premise.TEACHERS_FIT_TRAINING_SET), List.of(unfitSelf), SCRATCH)).singleElement()
                .satisfies(p -> assertThat(p.holds()).isFalse());
    }

    @Test
    void fullyTrainedPremisesJudgeTheTeacherTrainedToTheEndNotItsCheckpoint() {
        // a checkpoint after 15 of 100 epochs: 70 % test and 60 % training error; trained to the end: 50 % and 1 %
        TeacherFacts stopped = new TeacherFacts("wrn-10-2 stopped after 15 epochs", "wrn-16-1", 70, 60, 15, 100, 30,
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
}
