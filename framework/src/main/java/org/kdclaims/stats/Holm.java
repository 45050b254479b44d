package org.kdclaims.stats;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Holm's step-down correction (Holm 1979) for a family of m tests: it controls the family-wise
 * error rate at alpha whatever the dependence between the tests (curve points share seeds, so the
 * comparisons are correlated) and is uniformly more powerful than Bonferroni. Adjusted p-values:
 * with p sorted ascending, {@code p~(i) = max_{j <= i} min(1, (m - j + 1) p(j))}; a hypothesis is
 * rejected when its adjusted p is below alpha. NaN p-values count as 1.
 */
public final class Holm {
    public static final String METHOD = "Holm step-down";

    private Holm() {
    }

    /** Adjusted p-values, in the order given. */
    public static double[] adjust(double[] p) {
        int m = p.length;
        Integer[] order = IntStream.range(0, m).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> value(p[i])));
        double[] adjusted = new double[m];
        double running = 0;
        for (int rank = 0; rank < m; rank++) {
            int i = order[rank];
            running = Math.max(running, Math.min(1, (m - rank) * value(p[i])));
            adjusted[i] = running;
        }
        return adjusted;
    }

    /** Which hypotheses are rejected at family-wise alpha. */
    public static boolean[] reject(double[] p, double alpha) {
        double[] adjusted = adjust(p);
        boolean[] r = new boolean[p.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = adjusted[i] < alpha;
        }
        return r;
    }

    private static double value(double p) {
        return Double.isNaN(p) ? 1 : p;
    }
}
