package org.kdclaims.stats;

import java.util.Arrays;

import org.apache.commons.math3.distribution.TDistribution;

/** Mean, sample standard deviation and a two-sided t confidence interval of per-seed values. */
public record Summary(double[] values, double mean, double sd, double ciLow, double ciHigh, double confidence) {

    public static Summary of(double[] values) {
        return of(values, 0.95);
    }

    public static Summary of(double[] values, double confidence) {
        int n = values.length;
        if (n == 0) {
            throw new IllegalArgumentException("no values to summarise");
        }
        double mean = Arrays.stream(values).average().orElseThrow();
        double ss = 0;
        for (double v : values) {
            ss += (v - mean) * (v - mean);
        }
        double sd = n > 1 ? Math.sqrt(ss / (n - 1)) : Double.NaN;
        double half = n > 1 ? new TDistribution(n - 1).inverseCumulativeProbability(0.5 + confidence / 2) * sd / Math.sqrt(n)
                : Double.NaN;
        return new Summary(values.clone(), mean, sd, mean - half, mean + half, confidence);
    }

    public int n() {
        return values.length;
    }

    public double halfWidth() {
        return (ciHigh - ciLow) / 2;
    }
}
