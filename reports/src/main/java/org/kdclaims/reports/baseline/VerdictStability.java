package org.kdclaims.reports.baseline;

import org.kdclaims.results.model.ClaimResult;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How a verdict may change between two runs. With the same seeds any change is a regression
 * ({@link Finding.Kind#VERDICT_CHANGED}). With fresh seeds, only a flip between the two decisive
 * verdicts is ({@link Finding.Kind#VERDICT_FLIPPED}): a move to or from INCONCLUSIVE or
 * OUTSIDE_REGIME is what sampling a borderline effect with a few seeds does, and is reported
 * without failing ({@link Finding.Kind#VERDICT_SHIFTED}).
 */
final class VerdictStability {
    private static final Set<String> DECISIVE = Set.of(ClaimResult.SUPPORTED, ClaimResult.REFUTED);

    private VerdictStability() {
    }

    /** The finding for a verdict change between {@code b} and {@code c}; empty if the verdict did not change. */
    static Optional<Finding> judge(ComparisonMode mode, ClaimResult b, ClaimResult c, String named) {
        if (Objects.equals(b.verdict(), c.verdict())) {
            return Optional.empty();
        }
        String change = named + "verdict " + describe(b) + " \u2192 " + describe(c);
        if (mode == ComparisonMode.REPRODUCTION) {
            return Optional.of(new Finding(Finding.Kind.VERDICT_CHANGED, c.id(), null, change, true));
        }
        if (DECISIVE.contains(b.verdict()) && DECISIVE.contains(c.verdict())) {
            return Optional.of(new Finding(Finding.Kind.VERDICT_FLIPPED, c.id(), null,
                    change + " on fresh seeds: the finding does not replicate", true));
        }
        return Optional.of(new Finding(Finding.Kind.VERDICT_SHIFTED, c.id(), null,
                change + " on fresh seeds (not a flip between SUPPORTED and REFUTED)", false));
    }

    /** The verdict, with what the statistics alone said when it is OUTSIDE_REGIME. */
    private static String describe(ClaimResult c) {
        return c.statisticalVerdict() == null ? String.valueOf(c.verdict())
                : c.verdict() + " (statistically " + c.statisticalVerdict() + ")";
    }
}
