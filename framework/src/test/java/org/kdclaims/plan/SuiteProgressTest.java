package org.kdclaims.plan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Durations as the plan and the progress line print them. */
class SuiteProgressTest {

    @Test
    void workThatTakesTimeNeverReadsAsNone() {
        assertThat(SuiteProgress.duration(0)).isEqualTo("0s");
        assertThat(SuiteProgress.duration(0.2)).isEqualTo("<1s");
        assertThat(SuiteProgress.duration(0.6)).isEqualTo("1s");
        assertThat(SuiteProgress.duration(61)).isEqualTo("1m01s");
        assertThat(SuiteProgress.duration(3725)).isEqualTo("1h02m");
    }
}
