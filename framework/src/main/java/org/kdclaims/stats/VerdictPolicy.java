package org.kdclaims.stats;

import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * How a verdict becomes a JUnit outcome: SUPPORTED passes, REFUTED fails, INCONCLUSIVE aborts;
 * when verdicts are not asserted (smoke scale) every verdict passes and is only recorded.
 */
public final class VerdictPolicy {
    private VerdictPolicy() {
    }

    public static void apply(Verdict verdict, boolean assertVerdicts, String scale, String message) {
        if (!assertVerdicts) {
            return;
        }
        if (verdict == Verdict.REFUTED) {
            throw new AssertionFailedError("REFUTED at " + scale + " scale: " + message);
        }
        if (verdict == Verdict.INCONCLUSIVE) {
            throw new TestAbortedException("INCONCLUSIVE at " + scale + " scale: " + message);
        }
    }
}
