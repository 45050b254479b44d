package org.kdclaims.reports.html;

import org.kdclaims.reports.format.FindingText;
import org.kdclaims.reports.format.Fmt;
import org.kdclaims.reports.format.VerdictText;
import org.kdclaims.results.model.ClaimResult;

import java.util.List;

import static org.kdclaims.reports.html.Html.esc;

/**
 * The first screen's findings: one line per claim with the paper's statement, our verdict, the
 * difference with its interval and whether the test could have seen the paper's effect, linked to
 * the claim. A reader learns what was found, and how sure, without opening a claim.
 */
final class FindingsList {
    private FindingsList() {
    }

    static void render(List<ClaimResult> claims, StringBuilder out) {
        if (claims.isEmpty()) {
            out.append("<p class=\"note\">No claim results were recorded.</p>\n");
            return;
        }
        out.append("<h2 class=\"findings-title\">Findings</h2>\n<ol class=\"claim-findings\">\n");
        for (int i = 0; i < claims.size(); i++) {
            line(claims.get(i), i, out);
        }
        out.append("</ol>\n");
    }

    private static void line(ClaimResult c, int index, StringBuilder out) {
        String statement = c.statement() == null || c.statement().isBlank() ? ClaimSection.title(c)
                : c.statement().strip().replaceAll("\\.$", ""); // the line goes on with ": VERDICT"
        out.append("<li class=\"finding\"><a href=\"#").append(ClaimSection.anchor(c, index)).append("\"><b>")
                .append(esc(c.id())).append("</b> ").append(esc(statement)).append("</a>: ")
                .append(Verdicts.badge(c.verdict()));
        if (c.outsideRegime() && c.statisticalVerdict() != null) {
            out.append(" <span class=\"sub\">(statistics alone: ").append(esc(c.statisticalVerdict())).append(")</span>");
        }
        FindingText.difference(c).ifPresent(d -> out.append(", <span class=\"diff\">").append(esc(d)).append("</span>"));
        FindingText.detectability(c).ifPresent(d -> out.append(", <span class=\"")
                .append(Boolean.FALSE.equals(c.statistics().canDetectPaperEffect()) ? "power-low" : "power")
                .append("\">").append(esc(d)).append("</span>"));
        if (VerdictText.conditionalOnOneTeacher(c)) {
            out.append(", <span class=\"tag conditional\">").append(TeacherRows.CONDITIONAL).append("</span>");
        }
        if (c.statistics() == null) {
            // results written before statistics existed: the hypothesis is the best one-line summary left
            out.append(" <span class=\"sub\">").append(esc(Fmt.text(c.hypothesis()))).append("</span>");
        }
        out.append("</li>\n");
    }
}
