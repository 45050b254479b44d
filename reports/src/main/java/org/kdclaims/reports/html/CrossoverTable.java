package org.kdclaims.reports.html;

import org.kdclaims.reports.format.Fmt;
import org.kdclaims.results.model.ArmResult;
import org.kdclaims.results.model.ClaimResult;
import org.kdclaims.results.model.CrossoverEpoch;
import org.kdclaims.results.model.CrossoverRecord;
import org.kdclaims.results.model.CurvePoint;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.kdclaims.reports.html.Html.esc;

/**
 * A crossover claim's learning curves as numbers, one row per evaluated epoch: both arms' mean ± ½CI,
 * and where the epoch was tested, the difference d = first − second with its CI, its one-sided p values
 * (the early ones Holm-adjusted) and the difference the test could detect; then the decision rule.
 */
final class CrossoverTable {
    private CrossoverTable() {
    }

    static void render(ClaimResult c, StringBuilder out) {
        CrossoverRecord x = c.crossover();
        if (x == null) {
            return;
        }
        Map<String, CrossoverEpoch> tests = new LinkedHashMap<>();
        x.tests().forEach(t -> tests.put(t.label(), t));
        Map<String, CurvePoint> second = new LinkedHashMap<>();
        x.secondCurve().forEach(p -> second.put(p.label(), p));
        out.append("<p class=\"sub\">The arms above are at the end of training; epoch by epoch:</p>\n")
                .append("<h3>Learning curves</h3>\n<table class=\"ours crossover\"><tr><th>epoch</th><th>")
                .append(esc(x.first())).append("</th><th>").append(esc(x.second()))
                .append("</th><th>d = ").append(esc(x.first())).append(" \u2212 ").append(esc(x.second()))
                .append(" [95 % CI]</th><th>tested</th><th>p(d &lt; 0)</th><th>p(d &gt; 0)</th>")
                .append("<th>detectable</th></tr>\n");
        for (CurvePoint p : x.firstCurve()) {
            CrossoverEpoch t = tests.get(p.label());
            CurvePoint q = second.get(p.label());
            out.append("<tr><td>").append(esc(Fmt.text(p.label())))
                    .append(t != null && t.decisive() ? " <span class=\"marked\" title=\"the test the verdict rests on\">"
                            + "\u25c6 verdict</span>" : "")
                    .append("</td><td class=\"num\">").append(esc(mean(p.arm())))
                    .append("</td><td class=\"num\">").append(esc(q == null ? Fmt.NONE : mean(q.arm())))
                    .append("</td>");
            if (t == null) {
                out.append("<td class=\"num\">").append(Fmt.NONE).append("</td><td class=\"sub\">not tested</td>")
                        .append("<td></td><td></td><td></td></tr>\n");
                continue;
            }
            boolean early = CrossoverRecord.EARLY.equals(t.part());
            out.append("<td class=\"num\">").append(esc(signed(t.difference()) + " [" + Fmt.num(t.ciLow()) + ", "
                    + Fmt.num(t.ciHigh()) + "]"))
                    .append("</td><td>").append(early ? "early: d &lt; 0?" : "final: d &gt; 0?")
                    .append(t.best() ? " (best early)" : "")
                    .append("</td><td class=\"num\">").append(esc(early ? Fmt.p(t.pBelowAdjusted()) + " (Holm)"
                            : Fmt.p(t.pBelow())))
                    .append("</td><td class=\"num\">").append(esc(Fmt.p(t.pAbove())))
                    .append("</td><td class=\"num\">").append(esc(Fmt.num(t.detectableDifference())))
                    .append("</td></tr>\n");
        }
        out.append("</table>\n<p class=\"sub\">").append(esc(x.rule())).append("</p>\n");
    }

    private static String mean(ArmResult a) {
        return a == null ? Fmt.NONE : Fmt.meanCi(a.mean(), a.halfCi());
    }

    private static String signed(double d) {
        return (d > 0 ? "+" : "") + Fmt.num(d);
    }
}
