package org.kdclaims.reports.html;

import org.kdclaims.reports.format.Fmt;
import org.kdclaims.results.model.ClaimResult;
import org.kdclaims.results.model.PremiseRecord;

import static org.kdclaims.reports.html.Html.esc;

/**
 * The premises of the paper's claim, checked on our numbers: if one fails, the verdict is about
 * another situation than the paper's, and the reader has to see which and by how much.
 */
final class PremisesTable {
    private PremisesTable() {
    }

    static void render(ClaimResult c, StringBuilder out) {
        if (c.premises().isEmpty()) {
            return;
        }
        out.append("<h3>Premises</h3>\n<table class=\"premises\"><tr><th>premise</th><th>statement</th>")
                .append("<th>observed</th><th>threshold</th><th>holds</th></tr>\n");
        for (PremiseRecord p : c.premises()) {
            out.append("<tr class=\"").append(p.holds() ? "holds" : "fails").append("\"><td class=\"name\">").append(breakable(p.name()))
                    .append("</td><td>").append(esc(p.statement())).append("</td><td class=\"num\">")
                    .append(esc(withUnit(p.observed(), p.unit()))).append("</td><td class=\"num\">")
                    .append(esc(withUnit(p.threshold(), p.unit()))).append("</td><td class=\"mark\">")
                    .append(p.holds() ? "\u2713" : "\u2717").append("</td></tr>\n");
        }
        out.append("</table>\n");
    }

    /** "FULLY_TRAINED_TEACHERS_FIT_TRAINING_SET" may break after each underscore instead of running past the column. */
    private static String breakable(String name) {
        return esc(name).replace("_", "_<wbr>");
    }

    private static String withUnit(double value, String unit) {
        return Fmt.num(value) + (unit == null || unit.isBlank() ? "" : " " + unit);
    }
}
