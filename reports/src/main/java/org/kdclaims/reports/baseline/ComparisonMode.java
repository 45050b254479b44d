package org.kdclaims.reports.baseline;

import org.kdclaims.results.model.RunInfo;

import java.util.Objects;

/**
 * What the nightly comparison can expect of the current run, decided by the seeds it used.
 * <ul>
 *   <li>{@link #REPRODUCTION}: same seeds as the baseline, so the same numbers (bit for bit where
 *       the setup is the same, within seed-aware tolerance otherwise) and the same verdicts.</li>
 *   <li>{@link #REPLICATION}: fresh seeds (the runs' seed bases differ). New seeds give other
 *       numbers by design, so bitwise identity and metric drift say nothing; what must hold is the
 *       verdict: a claim that flips between SUPPORTED and REFUTED on fresh seeds is not a stable
 *       finding.</li>
 * </ul>
 */
public enum ComparisonMode {
    REPRODUCTION,
    REPLICATION;

    /** The mode and, in words, why: shown at the top of the comparison. */
    public record Choice(ComparisonMode mode, String reason) {
    }

    /** REPLICATION when the two runs' seed bases differ (null: each claim's own annotated seed base). */
    public static Choice choose(RunInfo baseline, RunInfo current) {
        Long b = baseline == null ? null : baseline.seedBase();
        Long c = current == null ? null : current.seedBase();
        if (Objects.equals(b, c)) {
            return new Choice(REPRODUCTION, "same seeds as the baseline (seed base " + describe(b)
                    + "): numbers are expected to reproduce and verdicts to stay the same");
        }
        return new Choice(REPLICATION, "fresh seeds: seed base " + describe(b) + " in the baseline, " + describe(c)
                + " in this run; judged on verdict stability (a SUPPORTED \u2194 REFUTED flip fails),"
                + " not on bitwise identity or metric drift");
    }

    static String describe(Long seedBase) {
        return seedBase == null ? "of each claim" : String.valueOf(seedBase);
    }
}
