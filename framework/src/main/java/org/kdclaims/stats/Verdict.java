package org.kdclaims.stats;

/** The outcome of testing a claim's hypothesis at our scale. */
public enum Verdict {
    /** Significant in the claimed direction. */
    SUPPORTED,
    /** Significant in the opposite direction. */
    REFUTED,
    /** Neither: too few seeds, too small an effect, or no effect. */
    INCONCLUSIVE
}
