package org.kdclaims.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** Short runs keep every epoch (as before the grid); long runs keep at most 20 checkpoints, the last always. */
class CheckpointGridTest {
    private static int[] kept(int epochs) {
        return IntStream.rangeClosed(1, epochs).filter(e -> CheckpointGrid.kept(e, epochs)).toArray();
    }

    @Test
    void runsOfTwentyEpochsOrFewerKeepEveryEpoch() {
        assertThat(kept(16)).hasSize(16);
        assertThat(kept(20)).hasSize(20);
        assertThat(kept(5)).containsExactly(1, 2, 3, 4, 5);
    }

    @Test
    void longerRunsKeepAGridOfAtMostTwentyAndTheLastEpoch() {
        assertThat(CheckpointGrid.step(100)).isEqualTo(5);
        assertThat(kept(100)).hasSize(20).startsWith(5, 10).endsWith(95, 100);
        assertThat(kept(25)).hasSize(13).startsWith(2, 4).endsWith(24, 25);
        assertThat(kept(200)).hasSize(20).contains(50, 60, 70);
        for (int epochs = 1; epochs <= 400; epochs++) {
            assertThat(kept(epochs).length).isLessThanOrEqualTo(CheckpointGrid.MAX_CHECKPOINTS + 1);
            assertThat(CheckpointGrid.kept(epochs, epochs)).isTrue();
        }
    }
}
