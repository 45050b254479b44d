package org.kdclaims.stats;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * A t statistic of an estimated difference, {@code estimate / se} on {@code df} degrees of freedom,
 * and its lower-tail probability. Welch's and the paired test differ only in how they compute the
 * estimate, the standard error and the degrees of freedom; everything after that is this one class.
 * With no spread ({@code se == 0}) the sign of the estimate is certain, so the tail is 0, 1 or 1/2.
 */
record TStatistic(double t, double df, double cdf) {

    /** No statistic: too few values (fewer than two per arm or pair). */
    static final TStatistic UNDEFINED = new TStatistic(Double.NaN, Double.NaN, Double.NaN);

    static TStatistic of(double estimate, double se, double df) {
        if (se == 0) {
            double t = estimate == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, estimate);
            return new TStatistic(t, df, estimate < 0 ? 0 : estimate > 0 ? 1 : 0.5);
        }
        double t = estimate / se;
        return new TStatistic(t, df, new TDistribution(df).cumulativeProbability(t));
    }

    boolean valid() {
        return !Double.isNaN(t);
    }

    /** One-sided p of "the true difference is below 0". */
    double pLess() {
        return cdf;
    }

    /** One-sided p of "the true difference is above 0". */
    double pGreater() {
        return 1 - cdf;
    }
}
