package org.kdclaims.stats;

import java.util.Locale;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * A one-sided Welch t-test of "mean(A) < mean(B)" (per-seed values, unequal variances), chosen
 * because seeds are few (3-5) and arm variances differ; with the Welch-Satterthwaite degrees of
 * freedom. The verdict is SUPPORTED when p(A < B) < alpha, REFUTED when the opposite one-sided
 * test p(A > B) < alpha, INCONCLUSIVE otherwise. Effect size: Hedges' g (bias-corrected Cohen's d,
 * pooled SD), negative when A is lower.
 */
public record Comparison(String nameA, Summary a, String nameB, Summary b, double t, double df,
        double pValue, double pOpposite, double effectSize, double alpha, Verdict verdict) {

    public static final String METHOD = "Welch's t-test, one-sided";

    public static Comparison lessThan(String nameA, double[] a, String nameB, double[] b, double alpha) {
        Summary sa = Summary.of(a);
        Summary sb = Summary.of(b);
        if (sa.n() < 2 || sb.n() < 2) {
            return new Comparison(nameA, sa, nameB, sb, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    alpha, Verdict.INCONCLUSIVE);
        }
        double va = sa.sd() * sa.sd() / sa.n();
        double vb = sb.sd() * sb.sd() / sb.n();
        double se = Math.sqrt(va + vb);
        double diff = sa.mean() - sb.mean();
        double t;
        double df;
        double p;
        double pOpp;
        if (se == 0) {
            // identical values within both arms: the sign of the difference is certain, or there is none
            t = diff == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, diff);
            df = sa.n() + sb.n() - 2;
            p = diff < 0 ? 0 : 1;
            pOpp = diff > 0 ? 0 : 1;
        } else {
            t = diff / se;
            df = (va + vb) * (va + vb) / (va * va / (sa.n() - 1) + vb * vb / (sb.n() - 1));
            TDistribution dist = new TDistribution(df);
            p = dist.cumulativeProbability(t);
            pOpp = 1 - p;
        }
        int n = sa.n() + sb.n();
        double pooled = Math.sqrt(((sa.n() - 1) * sa.sd() * sa.sd() + (sb.n() - 1) * sb.sd() * sb.sd()) / (n - 2));
        double g = pooled == 0 ? (diff == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, diff))
                : diff / pooled * (1 - 3.0 / (4 * n - 9));
        Verdict v = p < alpha ? Verdict.SUPPORTED : pOpp < alpha ? Verdict.REFUTED : Verdict.INCONCLUSIVE;
        return new Comparison(nameA, sa, nameB, sb, t, df, p, pOpp, g, alpha, v);
    }

    /** One line with both means, CIs, t, df, p and g: used in failure and abort messages. */
    public String describe(String metric) {
        return String.format(Locale.ROOT,
                "%s: %s %s = %s vs %s = %s; %s t = %.3f, df = %.1f, p = %.4g (alpha %.2f), Hedges' g = %.2f -> %s",
                metric, "H: " + nameA + " < " + nameB + ";", nameA, fmt(a), nameB, fmt(b), METHOD, t, df, pValue, alpha,
                effectSize, verdict);
    }

    private static String fmt(Summary s) {
        return String.format(Locale.ROOT, "%.4f [95%% CI %.4f, %.4f] (n=%d)", s.mean(), s.ciLow(), s.ciHigh(), s.n());
    }
}
