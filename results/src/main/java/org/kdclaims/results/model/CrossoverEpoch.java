package org.kdclaims.results.model;

/**
 * One tested epoch of a {@link CrossoverRecord}, with {@code d = first - second} in the metric's unit.
 *
 * @param part                 {@link CrossoverRecord#EARLY} or {@link CrossoverRecord#FINAL}
 * @param difference           mean d (paired: the mean of the per-seed, or per-teacher, differences)
 * @param pBelow               one-sided p of d &lt; 0
 * @param pBelowAdjusted       {@code pBelow} Holm-adjusted over the early epochs; NaN for the final one
 * @param pAbove               one-sided p of d &gt; 0
 * @param detectableDifference the |d| this test detects with 80 % power (early: at alpha / m, Holm's
 *                             first step; final: at alpha)
 * @param best                 the most significant early epoch (smallest p of d &lt; 0)
 * @param decisive             the test the verdict rests on
 */
public record CrossoverEpoch(String label, double x, String part, double difference, double ciLow, double ciHigh,
                             double pBelow, double pBelowAdjusted, double pAbove, double detectableDifference,
                             boolean best, boolean decisive) {
}
