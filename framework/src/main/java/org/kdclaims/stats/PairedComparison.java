package org.kdclaims.stats;

import java.util.Locale;

/**
 * The one-sided paired t-test on per-seed differences {@code d_i = a_i - b_i}, for arms that share
 * their seeds (seed i: the same initialisation and data order in both arms). Sharing a seed makes
 * the arms' values correlated; testing the differences removes the seed-to-seed variation the arms
 * have in common, which Welch's test (independent arms) would count as noise. The hypotheses and
 * verdict rules are {@link Comparison}'s ({@link Hypothesis}); only the statistic differs:
 * {@code t = mean(d) / (sd(d) / sqrt(n))}, {@code df = n - 1}. Effect size: {@code dz = mean(d) / sd(d)}.
 * {@code a[i]} and {@code b[i]} must come from the same seed; {@link Comparisons} pairs by seed.
 */
public record PairedComparison(String nameA, Summary a, String nameB, Summary b, Summary differences,
        double correlation, String alternative, double margin, double t, double df, double pValue, double pOpposite,
        double effectSize, double alpha, Verdict verdict) implements ArmComparison {

    public static final String METHOD = "paired t-test, one-sided";

    public static PairedComparison lessThan(String nameA, double[] a, String nameB, double[] b, double alpha) {
        Summary d = differences(a, b);
        return of(nameA, a, nameB, b, d, Hypothesis.lessThan(nameA, nameB, shift -> statistic(d, shift), alpha), alpha);
    }

    public static PairedComparison notLowerThan(String nameA, double[] a, String nameB, double[] b, double margin,
            double alpha) {
        Summary d = differences(a, b);
        return of(nameA, a, nameB, b, d,
                Hypothesis.notLowerThan(nameA, nameB, margin, shift -> statistic(d, shift), alpha), alpha);
    }

    private static PairedComparison of(String nameA, double[] a, String nameB, double[] b, Summary d, Hypothesis h,
            double alpha) {
        double dz = d.n() < 2 ? Double.NaN : d.sd() == 0
                ? (d.mean() == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, d.mean())) : d.mean() / d.sd();
        return new PairedComparison(nameA, Summary.of(a), nameB, Summary.of(b), d, pearson(a, b), h.alternative(),
                h.margin(), h.reported().t(), h.reported().df(), h.pValue(), h.pOpposite(), dz, alpha, h.verdict());
    }

    private static Summary differences(double[] a, double[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("paired arms need as many values each, got " + a.length + " and "
                    + b.length);
        }
        double[] d = new double[a.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = a[i] - b[i];
        }
        return Summary.of(d);
    }

    /** The one-sample statistic of mean(d) + shift. */
    static TStatistic statistic(Summary d, double shift) {
        return d.n() < 2 ? TStatistic.UNDEFINED : TStatistic.of(d.mean() + shift, d.sd() / Math.sqrt(d.n()), d.n() - 1);
    }

    /** Pearson's r between the arms; NaN when either has no spread. */
    static double pearson(double[] a, double[] b) {
        CrossMoments m = CrossMoments.of(a, b);
        return m.sxx() == 0 || m.syy() == 0 ? Double.NaN : m.sxy() / Math.sqrt(m.sxx() * m.syy());
    }

    /** The number of pairs. */
    public int n() {
        return differences.n();
    }

    @Override
    public String test() {
        return METHOD;
    }

    @Override
    public int nA() {
        return n();
    }

    @Override
    public int nB() {
        return n();
    }

    @Override
    public double meanDifference() {
        return differences.mean();
    }

    @Override
    public double differenceCiLow() {
        return differences.ciLow();
    }

    @Override
    public double differenceCiHigh() {
        return differences.ciHigh();
    }

    /** The sample standard deviation of the per-seed differences. */
    public double sdDifference() {
        return differences.sd();
    }

    @Override
    public String effectSizeName() {
        return "dz";
    }

    @Override
    public Power power(double alpha, double effect) {
        return PowerAnalysis.paired(n(), differences.sd(), alpha, effect);
    }

    @Override
    public String describe(String metric) {
        return String.format(Locale.ROOT,
                "%s: H: %s; %s = %s vs %s = %s; %s over %d pairs: mean difference %.4f [95%% CI %.4f, %.4f], "
                        + "sd %.4f, r = %.2f; t = %.3f, df = %d, p = %.4g (alpha %.2f), dz = %.2f -> %s",
                metric, alternative, nameA, Hypothesis.fmt(a), nameB, Hypothesis.fmt(b), METHOD, n(),
                differences.mean(), differences.ciLow(), differences.ciHigh(), differences.sd(), correlation, t,
                (int) Math.max(0, n() - 1), pValue, alpha, effectSize, verdict);
    }
}
