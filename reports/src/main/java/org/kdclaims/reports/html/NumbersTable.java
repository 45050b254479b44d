package org.kdclaims.reports.html;

import org.kdclaims.reports.format.Fmt;
import org.kdclaims.results.model.ArmResult;
import org.kdclaims.results.model.ClaimResult;
import org.kdclaims.results.model.PaperValueRecord;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static org.kdclaims.reports.html.Html.esc;

/** The paper's numbers beside ours: per arm mean ± half-CI, the CI, n and the per-seed values. */
final class NumbersTable {
    private NumbersTable() {
    }

    static void render(ClaimResult c, StringBuilder out) {
        out.append("<div class=\"cols\">\n<div>\n<h3>Paper</h3>\n");
        paper(c.paper(), out);
        out.append("</div>\n<div>\n<h3>Ours</h3>\n");
        ours(c, out);
        out.append("</div>\n</div>\n");
    }

    private static void paper(List<PaperValueRecord> values, StringBuilder out) {
        if (values.isEmpty()) {
            out.append("<p class=\"sub\">The paper gives no number for this claim (qualitative).</p>\n");
            return;
        }
        out.append("<table><tr><th>what</th><th>value</th><th>note</th></tr>\n");
        for (PaperValueRecord v : values) {
            out.append("<tr><td>").append(esc(v.label())).append("</td><td class=\"num\">")
                    .append(esc(withUnit(Fmt.num(v.value()), v.unit()))).append("</td><td>")
                    .append(esc(v.note())).append("</td></tr>\n");
        }
        out.append("</table>\n");
    }

    private static void ours(ClaimResult c, StringBuilder out) {
        if (c.arms().isEmpty()) {
            out.append("<p class=\"sub\">No arms measured.</p>\n");
            return;
        }
        boolean paperColumn = c.arms().stream().anyMatch(a -> paperFor(c, a).isPresent());
        out.append("<table><tr><th>arm</th><th>mean \u00b1 \u00bdCI</th><th>CI</th><th>sd</th><th>n</th>");
        if (paperColumn) {
            out.append("<th>paper</th>");
        }
        out.append("<th>per seed</th></tr>\n");
        for (ArmResult a : c.arms()) {
            out.append("<tr><td>").append(esc(a.name())).append("</td><td class=\"num\">")
                    .append(esc(Fmt.meanCi(a.mean(), a.halfCi())))
                    .append("</td><td class=\"num\">").append(esc(ci(a)))
                    .append("</td><td class=\"num\">").append(esc(Fmt.num(a.sd())))
                    .append("</td><td class=\"num\">").append(a.n()).append("</td>");
            if (paperColumn) {
                out.append("<td class=\"num\">").append(esc(paperFor(c, a)
                        .map(v -> withUnit(Fmt.num(v.value()), v.unit())).orElse(Fmt.NONE))).append("</td>");
            }
            out.append("<td class=\"seeds\">").append(esc(perSeed(a))).append("</td></tr>\n");
        }
        out.append("</table>\n");
    }

    /** A paper value whose label is this arm's name, or starts with "name:", shown in the same row. */
    private static Optional<PaperValueRecord> paperFor(ClaimResult c, ArmResult a) {
        if (a.name() == null) {
            return Optional.empty();
        }
        String name = a.name().strip().toLowerCase(Locale.ROOT);
        return c.paper().stream()
                .filter(v -> v.label() != null && (v.label().strip().toLowerCase(Locale.ROOT).equals(name)
                        || v.label().strip().toLowerCase(Locale.ROOT).startsWith(name + ":")))
                .findFirst();
    }

    private static String ci(ArmResult a) {
        if (Double.isNaN(a.ciLow()) || Double.isNaN(a.ciHigh())) {
            return Fmt.NONE;
        }
        return "[" + Fmt.num(a.ciLow()) + ", " + Fmt.num(a.ciHigh()) + "]";
    }

    /** "seed 1: 7.61, seed 2: 7.7" when the seeds line up with the values, else the values. */
    private static String perSeed(ArmResult a) {
        if (a.seeds().size() != a.values().size()) {
            return Fmt.nums(a.values());
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < a.values().size(); i++) {
            b.append(i == 0 ? "" : ", ").append("s").append(a.seeds().get(i)).append(": ")
                    .append(Fmt.num(a.values().get(i)));
        }
        return b.toString();
    }

    private static String withUnit(String value, String unit) {
        if (unit == null || unit.isBlank() || Fmt.NONE.equals(value)) {
            return value;
        }
        return "%".equals(unit) ? value + " %" : value + " " + unit;
    }
}
