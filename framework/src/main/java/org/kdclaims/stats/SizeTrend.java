package org.kdclaims.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Whether a value (a model's test error) falls as a size grows, on one observation per model:
 * <ul>
 *   <li>the least-squares slope of value on x (x = log2 of the parameter count, so the slope is per
 *       doubling), its usual standard error and a one-sided t-test that it is below 0 (df = n - 2), as
 *       scipy.stats.linregress reports it; testable with n >= 3 observations at 2 or more distinct x;</li>
 *   <li>the mean value at each distinct x ({@link Level}s, ascending), for the monotone check: no larger
 *       size has a higher mean than any smaller one ({@link #worstInversion()} empty).</li>
 * </ul>
 * Pure arithmetic; what the observations are is the caller's choice.
 *
 * @param pDecreasing one-sided p of "the slope is below 0"; NaN when not {@link #testable()}
 * @param levels      the mean value at each distinct x, in ascending x
 */
public record SizeTrend(int n, double slope, double se, double t, double df, double pDecreasing,
        List<Level> levels) {

    /** The observations at one size: x, how many, and their mean value. */
    public record Level(double x, int n, double mean) {
    }

    /** Two sizes where the larger has the higher mean value: the monotone check fails on them. */
    public record Inversion(Level smaller, Level larger) {
        /** How much higher the larger size's mean is. */
        public double excess() {
            return larger.mean() - smaller.mean();
        }
    }

    public SizeTrend {
        levels = List.copyOf(levels);
    }

    /** {@code x[i]}, {@code y[i]}: one observation (a model's log2 size and its value). */
    public static SizeTrend of(double[] x, double[] y) {
        if (x.length != y.length || x.length == 0) {
            throw new IllegalArgumentException(x.length + " sizes for " + y.length + " values");
        }
        TreeMap<Double, double[]> sums = new TreeMap<>();
        for (int i = 0; i < x.length; i++) {
            double[] s = sums.computeIfAbsent(x[i], k -> new double[2]);
            s[0]++;
            s[1] += y[i];
        }
        List<Level> levels = new ArrayList<>();
        sums.forEach((xi, s) -> levels.add(new Level(xi, (int) s[0], s[1] / s[0])));
        int n = x.length;
        if (levels.size() < 2) {
            return new SizeTrend(n, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, levels);
        }
        Trend.Ols fit = Trend.Ols.fit(x, y);
        TStatistic st = n < 3 ? TStatistic.UNDEFINED : TStatistic.of(fit.slope(), fit.se(), n - 2);
        return new SizeTrend(n, fit.slope(), fit.se(), st.t(), st.df(), st.pLess(), levels);
    }

    /** The slope test applies: at least 3 observations at 2 or more distinct sizes. */
    public boolean testable() {
        return n >= 3 && levels.size() >= 2;
    }

    /** The slope is negative and significantly so: one-sided p below {@code alpha}. */
    public boolean fallsSignificantly(double alpha) {
        return testable() && slope < 0 && pDecreasing < alpha;
    }

    /**
     * The pair of sizes (smaller, larger) where the larger's mean exceeds the smaller's by the most;
     * empty when every size's mean is at most the mean of every smaller size.
     */
    public Optional<Inversion> worstInversion() {
        Inversion worst = null;
        for (int i = 0; i < levels.size(); i++) {
            for (int j = i + 1; j < levels.size(); j++) {
                Inversion c = new Inversion(levels.get(i), levels.get(j));
                if (c.excess() > 0 && (worst == null || c.excess() > worst.excess())) {
                    worst = c;
                }
            }
        }
        return Optional.ofNullable(worst);
    }
}
