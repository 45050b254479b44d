package org.kdclaims.reports.html;

import org.kdclaims.reports.format.VerdictText;
import org.kdclaims.results.model.ClaimResult;

import static org.kdclaims.reports.html.Html.esc;

/**
 * What the verdict rests on, next to it: the difference with its CI against the margin, p, the
 * difference this test could detect and the paper's difference. A verdict from a test too weak to
 * see the paper's effect gets a plain warning, because "not significant" from such a test says
 * nothing about the paper.
 */
final class StatisticsBlock {
    private StatisticsBlock() {
    }

    /** The warnings that belong right under the verdict: outside the regime, too little power, one teacher. */
    static void renderNotices(ClaimResult c, StringBuilder out) {
        VerdictText.regimeNotice(c).ifPresent(text -> out.append("<div class=\"regime-notice\">")
                .append(Verdicts.badge(ClaimResult.OUTSIDE_REGIME)).append(' ').append(esc(text)).append("</div>\n"));
        VerdictText.detectabilityWarning(c).ifPresent(text ->
                out.append("<p class=\"power-warning\">").append(esc(text)).append("</p>\n"));
        if (VerdictText.conditionalOnOneTeacher(c)) {
            out.append("<p class=\"conditional-notice\"><b>Conditional on one teacher:</b> ")
                    .append(esc(VerdictText.CONDITIONAL_WHY)).append(".</p>\n");
        }
    }

    /** The statistics as a definition list; nothing for a claim written before they existed. */
    static void render(ClaimResult c, StringBuilder out) {
        if (c.statistics() == null) {
            return;
        }
        out.append("<h3>Verdict statistics</h3>\n<dl class=\"kv stats\">\n");
        VerdictText.rows(c).forEach(r -> out.append("<dt>").append(esc(r.label())).append("</dt><dd>")
                .append(esc(r.value())).append("</dd>\n"));
        out.append("</dl>\n");
    }
}
