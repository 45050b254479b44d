package org.kdclaims.reports.html;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.kdclaims.reports.format.Fmt;
import org.kdclaims.results.model.ArmResult;
import org.kdclaims.results.model.ClaimResult;
import org.kdclaims.results.model.Statistics;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.util.List;

/**
 * A two-arm claim at a glance, as two horizontal panels drawn one above the other: each arm's
 * mean with its 95 % CI, and the difference of the means with its 95 % CI against vertical lines at
 * 0 and at −margin. Whether the difference's CI clears the line is the verdict; drawing it shows
 * by how much, which a p value does not.
 */
public final class DifferenceChart {
    public static final String ZERO_LABEL = "0";
    public static final String MARGIN_LABEL = "\u2212margin";
    private static final Color LINE = new Color(0x57606A);
    private static final Color MARGIN = new Color(0xCF222E);

    private DifferenceChart() {
    }

    /**
     * True if the claim has what the chart needs: statistics and at least one arm, and no curve (a
     * crossover's arms are its ends, while its difference is that of the epoch that decided).
     */
    public static boolean applies(ClaimResult c) {
        return c.statistics() != null && c.curve() == null && c.crossover() == null && !c.arms().isEmpty();
    }

    /** Both panels, top to bottom; see {@link SvgCharts#stacked}. */
    public static List<JFreeChart> panels(ClaimResult c) {
        return List.of(armsPanel(c), differencePanel(c));
    }

    /** Each arm's mean and 95 % CI, one row per arm, first arm on top. */
    public static JFreeChart armsPanel(ClaimResult c) {
        List<ArmResult> arms = c.arms();
        String[] rows = new String[arms.size()];
        YIntervalSeries s = new YIntervalSeries("mean \u00b1 95 % CI", false, true);
        for (int i = 0; i < arms.size(); i++) {
            ArmResult a = arms.get(i);
            int row = arms.size() - 1 - i;
            rows[row] = a.name() == null ? "" : a.name();
            s.add(row, a.mean(), orMean(a.ciLow(), a.mean()), orMean(a.ciHigh(), a.mean()));
        }
        return panel("Arms: mean and 95 % CI", rows, s, c.metric() == null ? "value" : c.metric());
    }

    /** The difference with its 95 % CI and lines at 0 and at −margin (when there is a margin). */
    public static JFreeChart differencePanel(ClaimResult c) {
        Statistics st = c.statistics();
        YIntervalSeries s = new YIntervalSeries("difference \u00b1 95 % CI", false, true);
        s.add(0, st.difference(), orMean(st.differenceCiLow(), st.difference()),
                orMean(st.differenceCiHigh(), st.difference()));
        String row = c.arms().size() >= 2 ? c.arms().get(0).name() + " \u2212 " + c.arms().get(1).name() : "difference";
        JFreeChart chart = panel("Difference with 95 % CI vs margin " + Fmt.num(st.margin()), new String[] {row}, s,
                "difference" + (c.metric() == null ? "" : " (" + c.metric() + ")"));
        XYPlot plot = chart.getXYPlot();
        plot.addRangeMarker(marker(0, ZERO_LABEL, LINE));
        if (st.margin() != 0 && !Double.isNaN(st.margin())) {
            plot.addRangeMarker(marker(-st.margin(), MARGIN_LABEL + " (" + Fmt.num(-st.margin()) + ")", MARGIN));
        }
        // markers do not widen the axis: make room for the lines and the CI together
        double lo = Math.min(Math.min(0, -st.margin()), orMean(st.differenceCiLow(), st.difference()));
        double hi = Math.max(Math.max(0, -st.margin()), orMean(st.differenceCiHigh(), st.difference()));
        double pad = Math.max((hi - lo) * 0.12, 1e-9);
        if (!Double.isNaN(lo) && !Double.isNaN(hi)) {
            plot.getRangeAxis().setRange(lo - pad, hi + pad);
        }
        return chart;
    }

    private static JFreeChart panel(String title, String[] rows, YIntervalSeries s, String valueLabel) {
        SymbolAxis rowAxis = new SymbolAxis(null, rows);
        rowAxis.setTickLabelFont(new Font(PlotChart.FONT, Font.PLAIN, 11));
        rowAxis.setGridBandsVisible(false);
        rowAxis.setRange(-0.6, rows.length - 0.4);
        NumberAxis value = PlotChart.axis(valueLabel);
        value.setStandardTickUnits(NumberAxis.createStandardTickUnits());
        XYErrorRenderer r = PlotChart.errorRenderer();
        r.setDefaultLinesVisible(false);
        r.setSeriesPaint(0, PlotChart.PALETTE[0]);
        r.setSeriesShape(0, new Ellipse2D.Double(-4, -4, 8, 8));
        XYPlot plot = new XYPlot(new YIntervalSeriesCollection(), rowAxis, value, r);
        ((YIntervalSeriesCollection) plot.getDataset()).addSeries(s);
        // horizontal: rows down the side, values along the bottom, so the margin is a vertical line
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        return PlotChart.styled(title, plot, false);
    }

    private static ValueMarker marker(double at, String label, Color color) {
        ValueMarker m = new ValueMarker(at, color, new BasicStroke(1.4f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER,
                10f, new float[] {4f, 3f}, 0f));
        m.setLabel(label);
        m.setLabelFont(new Font(PlotChart.FONT, Font.PLAIN, 11));
        m.setLabelPaint(color);
        m.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        m.setLabelTextAnchor(TextAnchor.TOP_LEFT);
        return m;
    }

    private static double orMean(double bound, double mean) {
        return Double.isNaN(bound) ? mean : bound;
    }
}
