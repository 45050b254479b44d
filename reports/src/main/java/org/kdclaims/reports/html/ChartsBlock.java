package org.kdclaims.reports.html;

import org.kdclaims.results.model.ClaimResult;
import org.kdclaims.results.model.Plot;

import java.util.ArrayList;
import java.util.List;

import static org.kdclaims.reports.html.Html.esc;

/**
 * The verdict's charts (curve, or arms and difference; see {@link VerdictCharts}), then the claim's
 * own plots and the learning curves derived from its runs, inline SVG.
 */
final class ChartsBlock {
    private ChartsBlock() {
    }

    static void render(ClaimResult c, StringBuilder out) {
        List<Plot> plots = new ArrayList<>(c.plots());
        plots.removeIf(ChartsBlock::empty);
        List<Plot> curves = new ArrayList<>(LearningCurves.of(c.runs()));
        curves.removeIf(ChartsBlock::empty);
        List<VerdictCharts.Figure> verdictCharts = verdictCharts(c, out);
        if (plots.isEmpty() && curves.isEmpty() && verdictCharts.isEmpty()) {
            return;
        }
        out.append("<h3>Charts</h3>\n<div class=\"charts\">\n");
        for (VerdictCharts.Figure f : verdictCharts) {
            out.append("<figure class=\"chart verdict-chart\" title=\"").append(esc(f.title())).append("\">")
                    .append(f.svg()).append("</figure>\n");
        }
        for (Plot p : plots) {
            out.append("<figure class=\"chart\" title=\"").append(esc(p.title())).append("\">");
            try {
                out.append(SvgCharts.svg(PlotChart.create(p)));
            } catch (RuntimeException e) {
                // one bad plot (e.g. infinite values) must not cost the rest of the report
                out.append("<p class=\"note\">Chart \u201c").append(esc(p.title())).append("\u201d could not be drawn: ")
                        .append(esc(String.valueOf(e.getMessage()))).append("</p>");
            }
            out.append("</figure>\n");
        }
        curves.forEach(p -> LearningCurveFigure.render(p, out));
        out.append("</div>\n");
    }

    private static boolean empty(Plot p) {
        return p.series().stream().allMatch(s -> s.points().isEmpty());
    }

    private static List<VerdictCharts.Figure> verdictCharts(ClaimResult c, StringBuilder out) {
        try {
            return VerdictCharts.of(c);
        } catch (RuntimeException e) {
            out.append("<p class=\"note\">The verdict chart could not be drawn: ")
                    .append(esc(String.valueOf(e.getMessage()))).append("</p>\n");
            return List.of();
        }
    }
}
