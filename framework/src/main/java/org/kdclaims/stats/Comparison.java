package org.kdclaims.stats;

import java.util.Locale;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * Welch's t-test on per-seed values of two arms (unequal variances, Welch-Satterthwaite degrees of
 * freedom), chosen because seeds are few (3-5) and arm variances differ. Two hypotheses:
 * <ul>
 *   <li>{@link #lessThan}: "mean(A) < mean(B)". SUPPORTED when the one-sided p(A < B) < alpha,
 *       REFUTED when the opposite one-sided p(A > B) < alpha, else INCONCLUSIVE.</li>
 *   <li>{@link #notLowerThan}: "A is not lower than B by more than {@code margin}" (a one-sided
 *       non-inferiority test, for claims such as "a bigger teacher is not a better teacher").
 *       REFUTED when A is significantly lower than B (p(A < B) < alpha); SUPPORTED when
 *       mean(A) - mean(B) > -margin is significant; else INCONCLUSIVE.</li>
 * </ul>
 * Effect size: Hedges' g (bias-corrected Cohen's d, pooled SD), negative when A is lower.
 * When both arms share their seeds, {@link PairedComparison} is the more powerful test;
 * {@link Comparisons} chooses between them. The verdict rules live in {@link Hypothesis}.
 */
public record Comparison(String nameA, Summary a, String nameB, Summary b, String alternative, double margin,
        double t, double df, double pValue, double pOpposite, double effectSize, double alpha, Verdict verdict)
        implements ArmComparison {

    public static final String METHOD = "Welch's t-test, one-sided";

    public static Comparison lessThan(String nameA, double[] a, String nameB, double[] b, double alpha) {
        Welch w = new Welch(Summary.of(a), Summary.of(b));
        return of(nameA, nameB, w, Hypothesis.lessThan(nameA, nameB, w::statistic, alpha), alpha);
    }

    public static Comparison notLowerThan(String nameA, double[] a, String nameB, double[] b, double margin,
            double alpha) {
        Welch w = new Welch(Summary.of(a), Summary.of(b));
        return of(nameA, nameB, w, Hypothesis.notLowerThan(nameA, nameB, margin, w::statistic, alpha), alpha);
    }

    private static Comparison of(String nameA, String nameB, Welch w, Hypothesis h, double alpha) {
        return new Comparison(nameA, w.a, nameB, w.b, h.alternative(), h.margin(), h.reported().t(),
                h.reported().df(), h.pValue(), h.pOpposite(), w.hedgesG(), alpha, h.verdict());
    }

    @Override
    public String test() {
        return METHOD;
    }

    @Override
    public int nA() {
        return a.n();
    }

    @Override
    public int nB() {
        return b.n();
    }

    @Override
    public double meanDifference() {
        return a.mean() - b.mean();
    }

    @Override
    public double differenceCiLow() {
        return meanDifference() - differenceHalfWidth();
    }

    @Override
    public double differenceCiHigh() {
        return meanDifference() + differenceHalfWidth();
    }

    private double differenceHalfWidth() {
        Welch w = new Welch(a, b);
        double df = w.df();
        if (Double.isNaN(df)) {
            return Double.NaN;
        }
        return w.se() == 0 ? 0 : new TDistribution(df).inverseCumulativeProbability(0.975) * w.se();
    }

    @Override
    public String effectSizeName() {
        return "Hedges' g";
    }

    @Override
    public Power power(double alpha, double effect) {
        return PowerAnalysis.welch(a.n(), a.sd(), b.n(), b.sd(), alpha, effect);
    }

    /** One line with both means, CIs, t, df, p and g: used in failure and abort messages. */
    @Override
    public String describe(String metric) {
        return String.format(Locale.ROOT,
                "%s: H: %s; %s = %s vs %s = %s; %s t = %.3f, df = %.1f, p = %.4g (alpha %.2f), Hedges' g = %.2f -> %s",
                metric, alternative, nameA, Hypothesis.fmt(a), nameB, Hypothesis.fmt(b), METHOD, t, df, pValue, alpha,
                effectSize, verdict);
    }

    /** Welch's standard error and Welch-Satterthwaite degrees of freedom of mean(A) - mean(B). */
    private record Welch(Summary a, Summary b) {
        boolean valid() {
            return a.n() >= 2 && b.n() >= 2;
        }

        double se() {
            return Math.sqrt(a.sd() * a.sd() / a.n() + b.sd() * b.sd() / b.n());
        }

        /** Welch-Satterthwaite; with no spread at all, n - 2 (the statistic is then decided by sign). */
        double df() {
            if (!valid()) {
                return Double.NaN;
            }
            double va = a.sd() * a.sd() / a.n();
            double vb = b.sd() * b.sd() / b.n();
            return va + vb == 0 ? a.n() + b.n() - 2
                    : (va + vb) * (va + vb) / (va * va / (a.n() - 1) + vb * vb / (b.n() - 1));
        }

        /** The statistic of mean(A) - mean(B) + shift. */
        TStatistic statistic(double shift) {
            return valid() ? TStatistic.of(a.mean() - b.mean() + shift, se(), df()) : TStatistic.UNDEFINED;
        }

        double hedgesG() {
            if (!valid()) {
                return Double.NaN;
            }
            int n = a.n() + b.n();
            double pooled = Math.sqrt(((a.n() - 1) * a.sd() * a.sd() + (b.n() - 1) * b.sd() * b.sd()) / (n - 2));
            double rawDiff = a.mean() - b.mean();
            return pooled == 0 ? (rawDiff == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, rawDiff))
                    : rawDiff / pooled * (1 - 3.0 / (4 * n - 9));
        }
    }
}
