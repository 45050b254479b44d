package org.kdclaims.reports.html;

import org.kdclaims.reports.format.Fmt;
import org.kdclaims.results.model.ArmResult;
import org.kdclaims.results.model.ClaimResult;
import org.kdclaims.results.model.CurvePoint;
import org.kdclaims.results.model.PaperValueRecord;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static org.kdclaims.reports.html.Html.esc;

/**
 * The paper's numbers beside ours: per arm (or per point of a curve claim) mean ± half-CI, the CI,
 * n and the per-seed values; students grouped under their teacher when the results record teachers.
 */
final class NumbersTable {
    private NumbersTable() {
    }

    /**
     * Paper, then ours, each the full width: side by side, our table (seven columns, students
     * under teachers) did not fit half a 1,000 px page.
     */
    static void render(ClaimResult c, StringBuilder out) {
        out.append("<h3>Paper</h3>\n");
        if (c.paper().isEmpty()) {
            out.append("<p class=\"sub\">The paper gives no number for this claim (qualitative).</p>\n");
        } else {
            paper(c.paper(), out);
        }
        out.append("<h3>Ours</h3>\n");
        if (!c.arms().isEmpty()) {
            ours(c, out);
            // a crossover's arms are its ends; its curves follow, epoch by epoch
            CrossoverTable.render(c, out);
        } else if (c.curve() != null && !c.curve().points().isEmpty()) {
            curve(c, out);
        } else {
            out.append("<p class=\"sub\">No arms measured.</p>\n");
        }
    }

    private static void paper(List<PaperValueRecord> values, StringBuilder out) {
        out.append("<table class=\"paper\"><tr><th>what</th><th>value</th><th>note</th></tr>\n");
        for (PaperValueRecord v : values) {
            out.append("<tr><td>").append(esc(v.label())).append("</td><td class=\"num\">")
                    .append(esc(withUnit(Fmt.num(v.value()), v.unit()))).append("</td><td>")
                    .append(esc(v.note())).append("</td></tr>\n");
        }
        out.append("</table>\n");
    }

    private static void ours(ClaimResult c, StringBuilder out) {
        boolean paperColumn = c.arms().stream().anyMatch(a -> paperFor(c, a).isPresent());
        header("arm", paperColumn, out);
        for (ArmResult a : c.arms()) {
            row(esc(a.name()), a, paperColumn ? Optional.of(paperFor(c, a)
                    .map(v -> withUnit(Fmt.num(v.value()), v.unit())).orElse(Fmt.NONE)) : Optional.empty(), out);
        }
        out.append("</table>\n");
    }

    /** A curve claim's points in the curve's order; the points the verdict rests on are marked. */
    private static void curve(ClaimResult c, StringBuilder out) {
        List<CurvePoint> points = c.curve().points();
        boolean paperColumn = points.stream().anyMatch(p -> p.paperValue() != null);
        header(esc(Fmt.text(c.curve().dimension())), paperColumn, out);
        for (CurvePoint p : points) {
            String label = esc(Fmt.text(p.label())) + (p.marked()
                    ? " <span class=\"marked\" title=\"" + esc(CurveChart.MARKED) + "\">\u25c6 verdict</span>" : "");
            Optional<String> paper = paperColumn ? Optional.of(Fmt.num(p.paperValue())) : Optional.empty();
            if (p.arm() == null) {
                out.append("<tr><td>").append(label).append("</td><td colspan=\"4\" class=\"sub\">not measured</td>");
                paper.ifPresent(v -> out.append("<td class=\"num\">").append(esc(v)).append("</td>"));
                out.append("<td></td></tr>\n");
            } else {
                row(label, p.arm(), paper, out);
            }
        }
        out.append("</table>\n");
        out.append("<p class=\"sub\">\u25c6 the points the verdict rests on.</p>\n");
    }

    private static void header(String first, boolean paperColumn, StringBuilder out) {
        out.append("<table class=\"ours\"><tr><th>").append(first)
                .append("</th><th>mean \u00b1 \u00bdCI</th><th>CI</th><th>sd</th><th>n</th>");
        if (paperColumn) {
            out.append("<th>paper</th>");
        }
        out.append("<th>per seed</th></tr>\n");
    }

    /** One arm's row; {@code labelHtml} is escaped already. Its teachers follow as rows of their own. */
    private static void row(String labelHtml, ArmResult a, Optional<String> paper, StringBuilder out) {
        // grouped only when every value names its teacher; otherwise the flat list, as before teachers
        boolean byTeacher = !a.teachers().isEmpty() && a.teacherSeeds().size() == a.values().size();
        out.append("<tr><td>").append(labelHtml).append(TeacherRows.armNote(a)).append("</td><td class=\"num\">")
                .append(esc(Fmt.meanCi(a.mean(), a.halfCi())))
                .append("</td><td class=\"num\">").append(esc(ci(a)))
                .append("</td><td class=\"num\">").append(esc(Fmt.num(a.sd())))
                .append("</td><td class=\"num\">").append(a.n()).append("</td>");
        paper.ifPresent(v -> out.append("<td class=\"num\">").append(esc(v)).append("</td>"));
        out.append("<td class=\"seeds\">").append(byTeacher ? "by teacher, below" : esc(perSeed(a)))
                .append("</td></tr>\n");
        if (byTeacher) {
            TeacherRows.render(a, 6 + (paper.isPresent() ? 1 : 0), out);
        }
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

    /** "s1: 7.61, s2: 7.7" when the seeds line up with the values, else the values. */
    static String perSeed(ArmResult a) {
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
