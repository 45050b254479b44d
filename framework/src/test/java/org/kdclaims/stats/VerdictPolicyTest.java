package org.kdclaims.stats;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

class VerdictPolicyTest {
    @Test
    void supportedPasses() {
        assertThatCode(() -> VerdictPolicy.apply(Verdict.SUPPORTED, true, "ci", "m")).doesNotThrowAnyException();
    }

    @Test
    void refutedFailsWithTheNumbers() {
        assertThatThrownBy(() -> VerdictPolicy.apply(Verdict.REFUTED, true, "ci", "a = 1 vs b = 2, p = 0.01"))
                .isInstanceOf(AssertionFailedError.class).hasMessageContaining("REFUTED at ci scale")
                .hasMessageContaining("p = 0.01");
    }

    @Test
    void inconclusiveAborts() {
        assertThatThrownBy(() -> VerdictPolicy.apply(Verdict.INCONCLUSIVE, true, "ci", "m"))
                .isInstanceOf(TestAbortedException.class).hasMessageContaining("INCONCLUSIVE");
    }

    @Test
    void smokeScaleOnlyRecords() {
        for (Verdict v : Verdict.values()) {
            assertThatCode(() -> VerdictPolicy.apply(v, false, "smoke", "m")).doesNotThrowAnyException();
        }
    }
}
