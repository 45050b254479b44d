package org.kdclaims.stats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The two variance components of nested data, students within teachers: the one-way random-effects
 * ANOVA by the method of moments (Searle, Casella and McCulloch 1992, ch. 3). With {@code k} teachers,
 * {@code N} students and {@code n_i} students of teacher i:
 * {@code MSW = sum (x_ij - mean_i)^2 / (N - k)} estimates the variance between students of one teacher
 * ({@link #within}); {@code MSB = sum n_i (mean_i - mean)^2 / (k - 1)} estimates
 * {@code within + n0 * between} with {@code n0 = (N - sum n_i^2 / N) / (k - 1)}, so
 * {@code between = max(0, (MSB - MSW) / n0)} is the variance between teachers beyond what their
 * students' spread explains (truncated at 0, as is usual). With one student per teacher the two
 * cannot be told apart: both are NaN and only the {@link #total} variance is known.
 *
 * @param teachers   groups (teachers)
 * @param students   values (students)
 * @param between    variance between teachers; NaN when not separable
 * @param within     variance between students of one teacher; NaN with one student per teacher
 * @param total      sample variance of the per-teacher means (what a test on them sees)
 */
public record VarianceComponents(int teachers, int students, double between, double within, double total) {

    /** The components of {@code values}, value i belonging to teacher {@code units[i]}. */
    public static VarianceComponents of(long[] units, double[] values) {
        if (units.length != values.length) {
            throw new IllegalArgumentException(units.length + " units for " + values.length + " values");
        }
        Map<Long, List<Double>> groups = byUnit(units, values);
        int k = groups.size();
        int n = values.length;
        double[] means = groups.values().stream().mapToDouble(VarianceComponents::mean).toArray();
        double total = Summary.of(means).sd();
        total = total * total;
        if (k < 2 || n == k) {
            return new VarianceComponents(k, n, Double.NaN, Double.NaN, total);
        }
        double grand = 0;
        for (double v : values) {
            grand += v;
        }
        grand /= n;
        double ssw = 0;
        double ssb = 0;
        double sumSquaredSizes = 0;
        int i = 0;
        for (List<Double> g : groups.values()) {
            double m = means[i++];
            for (double v : g) {
                ssw += (v - m) * (v - m);
            }
            ssb += g.size() * (m - grand) * (m - grand);
            sumSquaredSizes += (double) g.size() * g.size();
        }
        double msw = ssw / (n - k);
        double msb = ssb / (k - 1);
        double n0 = (n - sumSquaredSizes / n) / (k - 1);
        return new VarianceComponents(k, n, Math.max(0, (msb - msw) / n0), msw, total);
    }

    /** True when both components were estimated (at least two students of some teacher). */
    public boolean separable() {
        return !Double.isNaN(within);
    }

    /**
     * The variance of a per-teacher mean of {@code m} students. For the observed design it is the
     * observed one ({@link #total}), so that a count of teachers derived from it agrees with the test's
     * own power; for another m it is {@code between + within / m}, NaN when the components are not
     * separable.
     */
    public double ofTeacherMean(int m, int observedPerTeacher) {
        if (m == observedPerTeacher) {
            return total;
        }
        return separable() ? between + within / m : Double.NaN;
    }

    /** The values of each unit, units in order of first appearance. */
    public static Map<Long, List<Double>> byUnit(long[] units, double[] values) {
        Map<Long, List<Double>> groups = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            groups.computeIfAbsent(units[i], u -> new ArrayList<>()).add(values[i]);
        }
        return groups;
    }

    /** The mean of one unit's values. */
    public static double mean(List<Double> g) {
        return g.stream().mapToDouble(Double::doubleValue).sum() / g.size();
    }
}
