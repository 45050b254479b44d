package org.kdclaims.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.kdclaims.data.ImageShape;
import org.kdclaims.models.Architectures;

/** The calibration behind the plan's estimates: the median step counts, so one slow step cannot skew it. */
class StepTimerTest {

    @Test
    void oneSlowStepDoesNotChangeTheSpeed() {
        long ms = 1_000_000L;
        double steady = StepTimer.imagesPerSecond(new long[] {100 * ms, 100 * ms, 100 * ms, 100 * ms, 100 * ms}, 32);
        double withAPause = StepTimer.imagesPerSecond(new long[] {100 * ms, 900 * ms, 100 * ms, 100 * ms, 100 * ms}, 32);
        assertThat(steady).isEqualTo(320.0);
        assertThat(withAPause).isEqualTo(steady);
    }

    @Test
    void anEvenCountTakesTheSlowerMiddleStep() {
        long ms = 1_000_000L;
        assertThat(StepTimer.imagesPerSecond(new long[] {100 * ms, 200 * ms}, 10)).isEqualTo(50.0);
    }

    @Test
    void noTimedStepIsAnError() {
        assertThatThrownBy(() -> StepTimer.imagesPerSecond(new long[0], 32))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no timed steps");
    }

    @Test
    void measuresATinyNetwork() {
        StepTimer.Speed s = StepTimer.measure(Architectures.parse("wrn-10-0.5"), new ImageShape(3, 8, 8, 10), 4, 3);
        assertThat(s.trainImagesPerSecond()).isPositive().isFinite();
        assertThat(s.inferImagesPerSecond()).isPositive().isFinite();
    }
}
