package org.kdclaims.stats;

/**
 * What every two-arm comparison reports, whichever test made it ({@link Comparison}: Welch's
 * t-test on independent arms; {@link PairedComparison}: the paired t-test on seeds both arms
 * share), so reports and messages can render either. Differences are always
 * {@code mean(A) - mean(B)}.
 */
public interface ArmComparison {

    /** The test's name, e.g. {@value Comparison#METHOD} or {@value PairedComparison#METHOD}. */
    String test();

    String nameA();

    String nameB();

    /** The claimed alternative hypothesis, e.g. "mean(A) < mean(B)". */
    String alternative();

    /** The non-inferiority margin (0 for "less than"). */
    double margin();

    /** Seeds in arm A (for the paired test: the number of pairs). */
    int nA();

    /** Seeds in arm B (for the paired test: the number of pairs). */
    int nB();

    /** mean(A) - mean(B) (for the paired test: the mean of the per-seed differences, the same number). */
    double meanDifference();

    /** Lower end of the two-sided 95% confidence interval of {@link #meanDifference()}. */
    double differenceCiLow();

    double differenceCiHigh();

    double t();

    double df();

    /** One-sided p of the claimed alternative. */
    double pValue();

    /** One-sided p of the opposite direction (A significantly lower for non-inferiority). */
    double pOpposite();

    double effectSize();

    /** "Hedges' g" or "dz". */
    String effectSizeName();

    double alpha();

    Verdict verdict();

    /**
     * Power of this test at one-sided {@code alpha}, at this comparison's n and observed spread.
     * {@code effect} is the true distance beyond the null boundary in the claimed direction
     * (for "A < B": mean(B) - mean(A); for non-inferiority: mean(A) - mean(B) + margin); NaN when
     * none is given, then only the minimum detectable difference is computed. See {@link Power}.
     */
    Power power(double alpha, double effect);

    default Power power(double effect) {
        return power(alpha(), effect);
    }

    /** One line with the estimates, the test and the verdict: used in failure and abort messages. */
    String describe(String metric);

    /** {@link #describe} followed by the minimum detectable difference at 80% power (and the power at {@code effect}). */
    default String describeWithPower(String metric, double effect) {
        return describe(metric) + "; " + power(effect).describe();
    }
}
