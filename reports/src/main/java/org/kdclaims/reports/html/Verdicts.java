package org.kdclaims.reports.html;

import org.kdclaims.reports.model.ClaimResult;

import java.util.Set;

/** Maps a verdict to its CSS class (green / red / amber); anything unexpected is grey. */
final class Verdicts {
    private static final Set<String> KNOWN =
            Set.of(ClaimResult.SUPPORTED, ClaimResult.REFUTED, ClaimResult.INCONCLUSIVE);

    private Verdicts() {
    }

    static String cssClass(String verdict) {
        return "v-" + (verdict != null && KNOWN.contains(verdict) ? verdict : "OTHER");
    }

    static String badge(String verdict) {
        return "<span class=\"badge " + cssClass(verdict) + "\">"
                + Html.esc(verdict == null || verdict.isBlank() ? "NO VERDICT" : verdict) + "</span>";
    }
}
