package org.kdclaims.reports.html;

import org.kdclaims.results.model.ClaimResult;

import java.util.Set;

/**
 * Maps a verdict to its CSS class (green / red / amber; purple for a claim outside the paper's
 * regime, which is neither a success nor a failure of the paper) and its label; anything
 * unexpected is grey.
 */
final class Verdicts {
    private static final Set<String> KNOWN = Set.of(ClaimResult.SUPPORTED, ClaimResult.REFUTED,
            ClaimResult.INCONCLUSIVE, ClaimResult.OUTSIDE_REGIME);
    static final String OUTSIDE_REGIME_LABEL = "OUTSIDE THE PAPER'S REGIME";

    private Verdicts() {
    }

    static String cssClass(String verdict) {
        return "v-" + (verdict != null && KNOWN.contains(verdict) ? verdict : "OTHER");
    }

    static String badge(String verdict) {
        return "<span class=\"badge " + cssClass(verdict) + "\">" + Html.esc(label(verdict)) + "</span>";
    }

    /** What a reader sees: the verdict, spelled out for OUTSIDE_REGIME. */
    static String label(String verdict) {
        if (verdict == null || verdict.isBlank()) {
            return "NO VERDICT";
        }
        return ClaimResult.OUTSIDE_REGIME.equals(verdict) ? OUTSIDE_REGIME_LABEL : verdict;
    }
}
