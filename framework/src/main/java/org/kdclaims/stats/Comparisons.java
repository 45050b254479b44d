package org.kdclaims.stats;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * The entry point that picks the test from the seeds: when both arms were trained on the same seeds
 * (the same set; values are paired by seed whatever their order) the paired t-test, otherwise
 * Welch's. Same hypotheses and verdict rules either way; the result says which test ran
 * ({@link ArmComparison#test()}).
 */
public final class Comparisons {
    private Comparisons() {
    }

    /** "mean(A) < mean(B)". */
    public static ArmComparison lessThan(String nameA, long[] seedsA, double[] a, String nameB, long[] seedsB,
            double[] b, double alpha) {
        Pairing p = Pairing.of(seedsA, a, seedsB, b);
        return p.paired() ? PairedComparison.lessThan(nameA, p.a(), nameB, p.b(), alpha)
                : Comparison.lessThan(nameA, a, nameB, b, alpha);
    }

    /** "mean(A) - mean(B) > -margin" (non-inferiority). */
    public static ArmComparison notLowerThan(String nameA, long[] seedsA, double[] a, String nameB, long[] seedsB,
            double[] b, double margin, double alpha) {
        Pairing p = Pairing.of(seedsA, a, seedsB, b);
        return p.paired() ? PairedComparison.notLowerThan(nameA, p.a(), nameB, p.b(), margin, alpha)
                : Comparison.notLowerThan(nameA, a, nameB, b, margin, alpha);
    }

    /** Whether two arms share their seeds: the same seeds, each once, in any order. */
    public static boolean sameSeeds(long[] seedsA, long[] seedsB) {
        long[] x = distinctSorted(seedsA);
        long[] y = distinctSorted(seedsB);
        return Arrays.equals(x, y);
    }

    private static long[] distinctSorted(long[] seeds) {
        Set<Long> seen = new HashSet<>();
        for (long s : seeds) {
            if (!seen.add(s)) {
                throw new IllegalArgumentException("seed " + s + " appears twice in " + Arrays.toString(seeds));
            }
        }
        long[] sorted = seeds.clone();
        Arrays.sort(sorted);
        return sorted;
    }

    /** Both arms' values, sorted by seed when the seeds are shared (then a[i], b[i] share a seed). */
    record Pairing(boolean paired, long[] seeds, double[] a, double[] b) {
        static Pairing of(long[] seedsA, double[] a, long[] seedsB, double[] b) {
            check(seedsA, a);
            check(seedsB, b);
            if (!sameSeeds(seedsA, seedsB)) {
                return new Pairing(false, null, a, b);
            }
            long[] seeds = seedsA.clone();
            Arrays.sort(seeds);
            return new Pairing(true, seeds, bySeed(seeds, seedsA, a), bySeed(seeds, seedsB, b));
        }

        private static void check(long[] seeds, double[] values) {
            if (seeds.length != values.length) {
                throw new IllegalArgumentException(seeds.length + " seeds for " + values.length + " values");
            }
        }

        static double[] bySeed(long[] order, long[] seeds, double[] values) {
            double[] out = new double[order.length];
            for (int i = 0; i < seeds.length; i++) {
                out[Arrays.binarySearch(order, seeds[i])] = values[i];
            }
            return out;
        }
    }
}
