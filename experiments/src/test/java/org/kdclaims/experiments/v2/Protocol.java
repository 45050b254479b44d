package org.kdclaims.experiments.v2;

/**
 * Protocol choices shared by the claims, fixed before any run (EXPERIMENTS.md says why).
 */
public final class Protocol {
    /**
     * "X is not better than Y" claims use a non-inferiority test: X's student error may be lower
     * than Y's by at most this many points of test error before the claim counts as refuted.
     */
    public static final double NOT_BETTER_MARGIN = 0.5;

    private Protocol() {
    }
}
