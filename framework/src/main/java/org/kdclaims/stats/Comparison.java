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
 */
public record Comparison(String nameA, Summary a, String nameB, Summary b, String alternative, double margin,
        double t, double df, double pValue, double pOpposite, double effectSize, double alpha, Verdict verdict) {

    public static final String METHOD = "Welch's t-test, one-sided";

    public static Comparison lessThan(String nameA, double[] a, String nameB, double[] b, double alpha) {
        Welch w = Welch.of(a, b, 0);
        Verdict v = !w.valid() ? Verdict.INCONCLUSIVE
                : w.pLess() < alpha ? Verdict.SUPPORTED : w.pGreater() < alpha ? Verdict.REFUTED : Verdict.INCONCLUSIVE;
        return new Comparison(nameA, w.a, nameB, w.b, "mean(" + nameA + ") < mean(" + nameB + ")", 0, w.t, w.df,
                w.pLess(), w.pGreater(), w.hedgesG(), alpha, v);
    }

    public static Comparison notLowerThan(String nameA, double[] a, String nameB, double[] b, double margin,
            double alpha) {
        if (!(margin >= 0)) {
            throw new IllegalArgumentException("the non-inferiority margin must be >= 0, got " + margin);
        }
        Welch plain = Welch.of(a, b, 0);
        Welch shifted = Welch.of(a, b, margin);
        Verdict v = !plain.valid() ? Verdict.INCONCLUSIVE
                : plain.pLess() < alpha ? Verdict.REFUTED : shifted.pGreater() < alpha ? Verdict.SUPPORTED
                : Verdict.INCONCLUSIVE;
        return new Comparison(nameA, plain.a, nameB, plain.b,
                "mean(" + nameA + ") - mean(" + nameB + ") > -" + fmt(margin), margin, shifted.t, shifted.df,
                shifted.pGreater(), plain.pLess(), plain.hedgesG(), alpha, v);
    }

    /** One line with both means, CIs, t, df, p and g: used in failure and abort messages. */
    public String describe(String metric) {
        return String.format(Locale.ROOT,
                "%s: H: %s; %s = %s vs %s = %s; %s t = %.3f, df = %.1f, p = %.4g (alpha %.2f), Hedges' g = %.2f -> %s",
                metric, alternative, nameA, fmt(a), nameB, fmt(b), METHOD, t, df, pValue, alpha, effectSize, verdict);
    }

    private static String fmt(Summary s) {
        return String.format(Locale.ROOT, "%.4f [95%% CI %.4f, %.4f] (n=%d)", s.mean(), s.ciLow(), s.ciHigh(), s.n());
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    /** The Welch statistic of mean(A) - mean(B) + shift. */
    private record Welch(Summary a, Summary b, double t, double df, double cdf, double hedgesG) {
        static Welch of(double[] x, double[] y, double shift) {
            Summary a = Summary.of(x);
            Summary b = Summary.of(y);
            if (a.n() < 2 || b.n() < 2) {
                return new Welch(a, b, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
            }
            double va = a.sd() * a.sd() / a.n();
            double vb = b.sd() * b.sd() / b.n();
            double se = Math.sqrt(va + vb);
            double diff = a.mean() - b.mean() + shift;
            int n = a.n() + b.n();
            double pooled = Math.sqrt(((a.n() - 1) * a.sd() * a.sd() + (b.n() - 1) * b.sd() * b.sd()) / (n - 2));
            double rawDiff = a.mean() - b.mean();
            double g = pooled == 0 ? (rawDiff == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, rawDiff))
                    : rawDiff / pooled * (1 - 3.0 / (4 * n - 9));
            if (se == 0) {
                // no spread in either arm: the sign of the difference is certain, or there is none
                double t = diff == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, diff);
                return new Welch(a, b, t, n - 2, diff < 0 ? 0 : diff > 0 ? 1 : 0.5, g);
            }
            double t = diff / se;
            double df = (va + vb) * (va + vb) / (va * va / (a.n() - 1) + vb * vb / (b.n() - 1));
            return new Welch(a, b, t, df, new TDistribution(df).cumulativeProbability(t), g);
        }

        boolean valid() {
            return !Double.isNaN(t);
        }

        /** One-sided p of "mean(A) + shift < mean(B)". */
        double pLess() {
            return cdf;
        }

        /** One-sided p of "mean(A) + shift > mean(B)". */
        double pGreater() {
            return 1 - cdf;
        }
    }
}
