package org.kdclaims.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LearningRateScheduleTest {
    @Test
    void paperStepScheduleAt200Epochs() {
        LearningRateSchedule s = LearningRateSchedule.step(0.1, 0.2, 200, 0.3, 0.6, 0.8);
        assertThat(s.milestones()).containsExactly(60, 120, 160);
        assertThat(s.at(59)).isCloseTo(0.1, within(1e-12));
        assertThat(s.at(60)).isCloseTo(0.02, within(1e-12));
        assertThat(s.at(160)).isCloseTo(0.1 * 0.2 * 0.2 * 0.2, within(1e-12));
    }

    @Test
    void sameShapeAtFewerEpochs() {
        LearningRateSchedule s = LearningRateSchedule.step(0.1, 0.2, 20, 0.3, 0.6, 0.8);
        assertThat(s.milestones()).containsExactly(6, 12, 16);
    }

    @Test
    void iterationsMapToEpochs() {
        LearningRateSchedule s = LearningRateSchedule.step(0.1, 0.1, 10, 0.5).withStepsPerEpoch(4);
        assertThat(s.valueAt(19, 0)).isCloseTo(0.1, within(1e-12));
        assertThat(s.valueAt(20, 0)).isCloseTo(0.01, within(1e-12));
    }

    @Test
    void cosineEndsNearZero() {
        LearningRateSchedule s = LearningRateSchedule.cosine(0.1, 10);
        assertThat(s.at(0)).isCloseTo(0.1, within(1e-12));
        assertThat(s.at(5)).isCloseTo(0.05, within(1e-12));
    }
}
