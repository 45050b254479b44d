package org.kdclaims.experiments.v3;

/**
 * Protocol v3's shared choices, fixed before any v3 run (EXPERIMENTS.md, "Protocol v3", says why).
 */
public final class Protocol {
    /**
     * "X is not better than Y" claims use a non-inferiority test: X's student error may be lower
     * than Y's by at most this many points of test error before the claim counts as refuted
     * (unchanged from v2).
     */
    public static final double NOT_BETTER_MARGIN = 0.5;

    /**
     * Where an early-stopped teacher is cut in Fig. 5's families: after 35 % of its training, five
     * epochs of 100 past its first learning-rate decay (at 30 %), within the paper's "1/4 to 1/3 of
     * its epochs" rounded up to the first checkpoint past the decay.
     */
    public static final double FIG5_STOP = 0.35;

    private Protocol() {
    }
}
