package org.kdclaims.reports.html;

import org.kdclaims.results.model.Plot;
import org.kdclaims.results.model.Series;

import java.util.List;

import static org.kdclaims.reports.html.Html.esc;

/**
 * A learning-curve chart as the page shows it: one colour and one band per arm, the legend in HTML
 * under the chart (a legend drawn inside the SVG grew longer than the chart and squeezed it), and
 * behind a toggle when it has so many arms that it would crowd the claim.
 */
final class LearningCurveFigure {
    /** Up to this many arms the chart is open; more, and it is folded. */
    static final int OPEN_UP_TO = 6;

    private LearningCurveFigure() {
    }

    static void render(Plot p, StringBuilder out) {
        List<Series> series = p.series();
        boolean folded = series.size() > OPEN_UP_TO;
        out.append("<figure class=\"chart learning-curve\" title=\"").append(esc(p.title())).append("\">");
        if (folded) {
            out.append("<details class=\"chart-toggle\"><summary>").append(esc(p.title())).append(" \u2013 ")
                    .append(series.size()).append(" arms</summary>");
        }
        try {
            out.append(SvgCharts.svg(PlotChart.bands(p, false)));
            legend(series, out);
        } catch (RuntimeException e) {
            // one bad plot (e.g. infinite values) must not cost the rest of the report
            out.append("<p class=\"note\">Chart \u201c").append(esc(p.title())).append("\u201d could not be drawn: ")
                    .append(esc(String.valueOf(e.getMessage()))).append("</p>");
        }
        if (folded) {
            out.append("</details>");
        }
        out.append("</figure>\n");
    }

    private static void legend(List<Series> series, StringBuilder out) {
        out.append("<ul class=\"legend\">");
        for (int i = 0; i < series.size(); i++) {
            out.append("<li><span class=\"swatch\" style=\"background:").append(PlotChart.hex(PlotChart.color(i)))
                    .append("\"></span>").append(esc(series.get(i).name())).append("</li>");
        }
        out.append("</ul>");
    }
}
