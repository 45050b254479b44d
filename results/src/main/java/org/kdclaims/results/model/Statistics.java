package org.kdclaims.results.model;

/**
 * The statistics behind a verdict, in the terms the paper's question needs: not only "was it
 * significant" but "how big is the difference, how sure are we, and could this many seeds have
 * seen an effect of the size the paper reports at all". A REFUTED or INCONCLUSIVE verdict from a
 * test that could not detect the paper's effect says little about the paper; these fields let the
 * report say so.
 *
 * @param test                 the test, e.g. "paired t-test, one-sided", "Welch's t-test, one-sided",
 *                             "Holm-adjusted paired t-tests (4 comparisons)"
 * @param pairing              e.g. "paired by seed, 3 pairs" or "unpaired"
 * @param correlation          correlation of the paired values; null if unpaired
 * @param difference           mean A − mean B, or the decisive difference of a curve, in the metric's unit
 * @param differenceCiLow      lower end of the 95 % CI of {@code difference}
 * @param differenceCiHigh     upper end of the 95 % CI of {@code difference}
 * @param margin               the non-inferiority / equivalence margin the hypothesis allows; 0 if none
 * @param pValue               p value of the (adjusted) test
 * @param alpha                significance level the verdict used
 * @param detectableDifference smallest difference this test detects with 80 % power at these seeds
 * @param paperDifference      the paper's difference for the same comparison; null if the paper gives none
 * @param seedsToDetectPaper   seeds per arm needed to detect {@code paperDifference} at 80 % power;
 *                             null if not applicable, -1 if no affordable number of seeds would
 * @param canDetectPaperEffect whether {@code detectableDifference} ≤ |{@code paperDifference}|;
 *                             null if the paper gives no difference
 * @param multiplicity         multiplicity correction, e.g. "Holm over 4 comparisons"; null if none
 * @param sequential           adaptive-seed design, e.g. "adaptive seeds: 3 -> 5 (2 rounds),
 *                             O'Brien-Fleming alpha spending"; null if the seeds were fixed
 * @param replication          what was replicated (teachers or seeds), with the variance components;
 *                             null in results written before teachers were replicated. With teachers as
 *                             the unit, {@code seedsToDetectPaper} counts teachers (at {@code perUnit}
 *                             students each)
 */
public record Statistics(String test, String pairing, Double correlation, double difference,
                         double differenceCiLow, double differenceCiHigh, double margin, double pValue,
                         double alpha, double detectableDifference, Double paperDifference,
                         Integer seedsToDetectPaper, Boolean canDetectPaperEffect, String multiplicity,
                         String sequential, Replication replication) {
    /** Statistics without a replication design (one seed = one replication, nothing recorded). */
    public Statistics(String test, String pairing, Double correlation, double difference, double differenceCiLow,
            double differenceCiHigh, double margin, double pValue, double alpha, double detectableDifference,
            Double paperDifference, Integer seedsToDetectPaper, Boolean canDetectPaperEffect, String multiplicity,
            String sequential) {
        this(test, pairing, correlation, difference, differenceCiLow, differenceCiHigh, margin, pValue, alpha,
                detectableDifference, paperDifference, seedsToDetectPaper, canDetectPaperEffect, multiplicity,
                sequential, null);
    }

    /** The same statistics, with how the sequential design (adaptive seeds) reached them. */
    public Statistics withSequential(String how) {
        return new Statistics(test, pairing, correlation, difference, differenceCiLow, differenceCiHigh, margin, pValue,
                alpha, detectableDifference, paperDifference, seedsToDetectPaper, canDetectPaperEffect, multiplicity,
                how, replication);
    }

    /** The same statistics, with the replication design they rest on. */
    public Statistics withReplication(Replication r) {
        return new Statistics(test, pairing, correlation, difference, differenceCiLow, differenceCiHigh, margin, pValue,
                alpha, detectableDifference, paperDifference, seedsToDetectPaper, canDetectPaperEffect, multiplicity,
                sequential, r);
    }

    /** {@link #seedsToDetectPaper} when no affordable number of seeds would detect the paper's difference. */
    public static final int UNREACHABLE = -1;

    /** True only when the paper gives a difference and this test was shown unable to detect it. */
    public boolean missesPaperEffect() {
        return Boolean.FALSE.equals(canDetectPaperEffect);
    }
}
