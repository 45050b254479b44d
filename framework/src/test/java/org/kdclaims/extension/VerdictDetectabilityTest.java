package org.kdclaims.extension;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.kdclaims.results.model.Replication;
import org.kdclaims.results.model.Statistics;

/** The sentence that says a test could not have seen the paper's effect counts what the test replicated. */
class VerdictDetectabilityTest {
    private static final Statistics MISSES = new Statistics("paired t-test, one-sided", "paired", null, 0.2, -0.8, 1.2,
            0.5, 0.05, 0.05, 0.99, 0.18, 5, false, null, null);

    @Test
    void aClaimAboutTeachersCountsTeachers() {
        Statistics s = MISSES.withReplication(new Replication(Replication.UNIT_TEACHER, 3, 2, 0.0, 0.58, false, "d", null));
        assertThat(VerdictStatistics.detectability(s, 3)).hasValueSatisfying(t -> assertThat(t)
                .contains("with 3 teachers it detects 0.990").contains("5 teachers would be needed"));
    }

    @Test
    void otherwiseSeeds() {
        assertThat(VerdictStatistics.detectability(MISSES, 3)).hasValueSatisfying(t -> assertThat(t)
                .contains("with 3 seeds it detects 0.990").contains("5 seeds would be needed"));
        Statistics unreachable = new Statistics("t", "p", null, 0, 0, 0, 0, 0.5, 0.05, 9, 0.18, Statistics.UNREACHABLE,
                false, null, null);
        assertThat(VerdictStatistics.detectability(unreachable, 3)).hasValueSatisfying(t -> assertThat(t)
                .contains("no affordable number of seeds would"));
    }
}
