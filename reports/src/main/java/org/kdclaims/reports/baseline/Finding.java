package org.kdclaims.reports.baseline;

/**
 * One difference (or reassuring sameness) between the baseline and the current results.
 *
 * @param claimId    the claim id; when the claim has a display name other than its id, the
 *                   message names it, since claims are matched by id + display name
 * @param arm        the arm concerned, null for claim-level findings
 * @param regression true if this finding alone makes the nightly fail
 */
public record Finding(Kind kind, String claimId, String arm, String message, boolean regression) {

    public enum Kind {
        /** Verdict differs from the baseline's, with the baseline's seeds (reproduction mode). Regression. */
        VERDICT_CHANGED,
        /**
         * Replication mode (fresh seeds): the verdict flipped between SUPPORTED and REFUTED, so
         * the finding does not survive new seeds. Regression.
         */
        VERDICT_FLIPPED,
        /**
         * Replication mode: the verdict moved to or from INCONCLUSIVE or OUTSIDE_REGIME. Fresh
         * seeds of a borderline effect do that; worth reading, not a failure. Informational.
         */
        VERDICT_SHIFTED,
        /** An arm mean moved beyond the seed-aware tolerance, with the baseline's seeds. Regression. */
        METRIC_DRIFT,
        /**
         * Replication mode: an arm mean moved beyond the same-seed tolerance. Expected with fresh
         * seeds, reported so the size of the move is visible. Informational.
         */
        REPLICATION_DRIFT,
        /** An arm mean moved, but within tolerance. Informational. */
        WITHIN_TOLERANCE,
        /**
         * Same configHash and seed, different final metrics, where native build, thread count and
         * CPU ISA are equal and known on both sides. Regression.
         */
        DETERMINISM_BREAK,
        /** A claim invocation the baseline does not have. Informational. */
        NEW_CLAIM,
        /** A baseline claim invocation the current run lacks. Regression. */
        MISSING_CLAIM,
        /** An arm the baseline claim does not have. Informational. */
        NEW_ARM,
        /** A baseline arm the current claim lacks: its drift cannot be checked. Regression. */
        MISSING_ARM,
        /**
         * Scale, data, native build, threads, CPU ISA or seed base differ from the baseline run's,
         * or a side did not record its CPU ISA (then determinism is not checked). Informational.
         */
        SETUP_CHANGED,
        /** How many training runs matched the baseline by config hash and seed, or why none were checked. Informational. */
        DETERMINISM_CHECKED
    }

    /** One line for a terminal. */
    public String describe() {
        String where = claimId == null ? "" : claimId + (arm == null ? "" : " / " + arm);
        return (regression ? "REGRESSION " : "ok         ") + kind + "  " + (where.isEmpty() ? "" : where + ": ")
                + message;
    }
}
