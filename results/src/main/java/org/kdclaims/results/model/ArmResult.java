package org.kdclaims.results.model;

import java.util.List;

/**
 * One experimental arm (e.g. "student of WRN16-3, ESKD") measured over several seeds.
 * {@code values.get(i)} was measured with {@code seeds.get(i)}; the CI is of the mean.
 * With a single seed {@code sd} and the CI are NaN.
 */
public record ArmResult(String name, List<Long> seeds, List<Double> values, double mean, double sd,
                        double ciLow, double ciHigh) {
    public ArmResult {
        seeds = seeds == null ? List.of() : seeds;
        values = values == null ? List.of() : values;
    }

    /** Number of seeds measured. */
    public int n() {
        return values.size();
    }

    /** Half the width of the CI: what "mean ± x" shows. */
    public double halfCi() {
        return (ciHigh - ciLow) / 2;
    }
}
