package org.kdclaims.reports.html;

import org.kdclaims.reports.format.Fmt;
import org.kdclaims.reports.format.VerdictText;
import org.kdclaims.results.model.ClaimResult;
import org.kdclaims.results.model.TestResult;

import java.util.Map;

import static org.kdclaims.reports.html.Html.esc;

/** One claim: what it says, the verdict, the numbers, the test, the parameters, charts and runs. */
final class ClaimSection {
    private ClaimSection() {
    }

    static void render(ClaimResult c, int index, StringBuilder out) {
        out.append("<section class=\"card claim ").append(Verdicts.cssClass(c.verdict())).append("\" id=\"")
                .append(anchor(c, index)).append("\">\n<div class=\"claim-head\"><span class=\"id\">")
                .append(esc(c.id())).append("</span><h2>").append(esc(title(c))).append("</h2>")
                .append(Verdicts.badge(c.verdict()))
                .append(secondaryVerdict(c))
                .append(VerdictText.conditionalOnOneTeacher(c)
                        ? "<span class=\"tag conditional\">" + TeacherRows.CONDITIONAL + "</span>" : "")
                .append("<span class=\"sub\">test ").append(esc(Fmt.text(c.outcome())))
                .append(" \u00b7 source: ").append(esc(Fmt.text(c.source())))
                .append(" \u00b7 ").append(esc(Fmt.duration(c.wallSeconds()))).append("</span></div>\n");
        StatisticsBlock.renderNotices(c, out);
        out.append("<div class=\"statement\">").append(esc(Fmt.text(c.statement()))).append("</div>\n");
        out.append("<dl class=\"kv\"><dt>hypothesis</dt><dd>").append(esc(Fmt.text(c.hypothesis())))
                .append("</dd><dt>metric</dt><dd>").append(esc(Fmt.text(c.metric()))).append("</dd></dl>\n");
        if (c.note() != null && !c.note().isBlank()) {
            out.append("<div class=\"note\">").append(esc(c.note())).append("</div>\n");
        }
        NumbersTable.render(c, out);
        out.append("<div class=\"cols\">\n<div>\n<h3>Statistical test</h3>\n");
        test(c.test(), c.verdict(), out);
        out.append("</div>\n<div>\n<h3>Parameters</h3>\n");
        parameters(c.parameters(), out);
        out.append("</div>\n</div>\n");
        // full width: with the replication design its labels and sentences crowded half a page
        StatisticsBlock.render(c, out);
        // full width: its statements are sentences, squeezed into half a page they ran to 15 lines
        PremisesTable.render(c, out);
        ChartsBlock.render(c, out);
        RunsTable.render(c.runs(), out);
        out.append("</section>\n");
    }

    /** Outside the regime, what the statistics alone said: secondary, never a verdict badge. */
    private static String secondaryVerdict(ClaimResult c) {
        if (!c.outsideRegime() || c.statisticalVerdict() == null) {
            return "";
        }
        return "<span class=\"secondary-verdict\">statistics alone: " + esc(c.statisticalVerdict()) + "</span>";
    }

    /** The display name when it says more than the id, else the id. */
    static String title(ClaimResult c) {
        String d = c.displayName();
        return d == null || d.isBlank() ? Fmt.text(c.id()) : d;
    }

    /** Unique per page even when two invocations share id and display name. */
    static String anchor(ClaimResult c, int index) {
        return Html.anchor(c.id(), String.valueOf(index + 1));
    }

    private static void test(TestResult t, String verdict, StringBuilder out) {
        if (t == null) {
            out.append("<p class=\"sub\">No test recorded.</p>\n");
            return;
        }
        out.append("<dl class=\"kv\">\n");
        kv(out, "method", Fmt.text(t.method()) + (t.alternative() == null ? "" : " (" + t.alternative() + ")"));
        kv(out, "statistic", Fmt.num(t.statistic()) + (Double.isNaN(t.df()) ? "" : ", df " + Fmt.num(t.df())));
        boolean significant = t.pValue() < t.alpha();
        kv(out, "p value", Fmt.p(t.pValue()) + "  (\u03b1 = " + Fmt.num(t.alpha()) + ", "
                + (Double.isNaN(t.pValue()) ? "unknown" : significant ? "significant" : "not significant") + ")");
        kv(out, "effect size", Fmt.num(t.effectSize()));
        out.append("<dt>verdict</dt><dd>").append(Verdicts.badge(verdict)).append("</dd>\n</dl>\n");
    }

    private static void parameters(Map<String, String> params, StringBuilder out) {
        if (params.isEmpty()) {
            out.append("<p class=\"sub\">none</p>\n");
            return;
        }
        out.append("<dl class=\"kv\">\n");
        params.forEach((k, v) -> kv(out, k, v));
        out.append("</dl>\n");
    }

    private static void kv(StringBuilder out, String key, String value) {
        out.append("<dt>").append(esc(key)).append("</dt><dd>").append(esc(Fmt.text(value))).append("</dd>\n");
    }
}
