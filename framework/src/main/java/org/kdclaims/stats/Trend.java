package org.kdclaims.stats;

import java.util.Locale;
import java.util.OptionalInt;

/**
 * A cheap monotone-trend test: the slope of value on point index (0, 1, 2, ...; the index, not x,
 * so unevenly spaced points weigh equally), one-sided in each direction.
 * <ul>
 *   <li>Shared seeds: each seed's own OLS slope over the points, then a one-sample t-test on the
 *       slopes (df = seeds - 1); this removes seed-to-seed offsets, as the paired test does.</li>
 *   <li>Otherwise: the OLS slope over all values, with its usual standard error (df = N - 2),
 *       as scipy.stats.linregress reports it.</li>
 * </ul>
 * A significant slope says the curve tends up (or down), not that every step does.
 */
public record Trend(String method, int n, double slope, double se, double t, double df, double pIncreasing,
        double pDecreasing) {

    public static final String PER_SEED = "one-sample t-test on per-seed OLS slopes, one-sided";
    public static final String POOLED = "OLS slope t-test on all values, one-sided";

    public static Trend of(Curve curve) {
        int k = curve.size();
        if (curve.sharedSeeds()) {
            int seeds = curve.point(0).seeds().length;
            double[] slopes = new double[seeds];
            double[] x = new double[k];
            double[][] y = new double[k][];
            for (int i = 0; i < k; i++) {
                x[i] = i;
                y[i] = curve.valuesBySeed(i);
            }
            for (int s = 0; s < seeds; s++) {
                double[] ys = new double[k];
                for (int i = 0; i < k; i++) {
                    ys[i] = y[i][s];
                }
                slopes[s] = Ols.fit(x, ys).slope();
            }
            Summary sl = Summary.of(slopes);
            TStatistic st = PairedComparison.statistic(sl, 0);
            return new Trend(PER_SEED, seeds, sl.mean(), sl.sd() / Math.sqrt(seeds), st.t(), st.df(), st.pGreater(),
                    st.pLess());
        }
        int total = curve.points().stream().mapToInt(p -> p.values().length).sum();
        double[] x = new double[total];
        double[] y = new double[total];
        int j = 0;
        for (int i = 0; i < k; i++) {
            for (double v : curve.point(i).values()) {
                x[j] = i;
                y[j++] = v;
            }
        }
        Ols fit = Ols.fit(x, y);
        TStatistic st = total < 3 ? TStatistic.UNDEFINED : TStatistic.of(fit.slope(), fit.se(), total - 2);
        return new Trend(POOLED, total, fit.slope(), fit.se(), st.t(), st.df(), st.pGreater(), st.pLess());
    }

    /**
     * MDD of the slope (per point) at this n and standard error; no required n, since adding seeds
     * and adding points change the standard error differently.
     */
    public Power power(double alpha, double effect) {
        return new Power(method, alpha, PowerAnalysis.LEVEL, n, PowerAnalysis.mdd(se, df, alpha, PowerAnalysis.LEVEL),
                effect, Double.isNaN(effect) ? Double.NaN : PowerAnalysis.power(effect, se, df, alpha),
                OptionalInt.empty(), PowerAnalysis.MAX_N);
    }

    public String describe() {
        return String.format(Locale.ROOT, "%s (n=%d): slope %.4g per point, se %.3g, t = %.3f, df = %.1f, "
                + "p(increasing) = %.4g, p(decreasing) = %.4g", method, n, slope, se, t, df, pIncreasing, pDecreasing);
    }

    /** Ordinary least squares of y on x: the slope and its standard error. */
    record Ols(double slope, double se) {
        static Ols fit(double[] x, double[] y) {
            CrossMoments m = CrossMoments.of(x, y);
            int n = m.n();
            double mx = m.meanX();
            double my = m.meanY();
            double sxx = m.sxx();
            double sxy = m.sxy();
            double slope = sxy / sxx;
            double sse = 0;
            for (int i = 0; i < n; i++) {
                double r = y[i] - my - slope * (x[i] - mx);
                sse += r * r;
            }
            double se = n > 2 ? Math.sqrt(sse / (n - 2) / sxx) : Double.NaN;
            return new Ols(slope, se);
        }
    }
}
